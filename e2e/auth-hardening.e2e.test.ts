// The failed-sign-in notice, separation of duties and the forced password change in a real browser: the admin page refuses a role granted
// to oneself (in Dutch) and lists it in the grant history; a user with a temporary password sees only the
// password form until the password is changed, then the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, type Harness, login, screenshot, startHarness } from './harness.ts';

describe('auth hardening end to end', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tells the user at the next sign-in about wrong passwords typed for the account', async () => {
    const { page } = h;
    await page.goto('/login');
    await page.getByTestId('login-email').fill(DEMO_EMAIL);
    await page.getByTestId('login-password').fill('helemaal-fout');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await login(page);
    expect(await page.getByTestId('login-notice').textContent()).toContain('1 keer een verkeerd wachtwoord');
  });

  it('refuses a beheerder granting itself a role and shows the refusal in the grant history', async () => {
    const { page } = h;
    await page.goto('/admin/users');
    await page.getByTestId('admin-users').waitFor();
    const form = page.getByTestId('admin-assign');
    const self = await form.locator('select').first().locator('option', { hasText: 'admin@aanwezig.demo' });
    await form
      .locator('select')
      .first()
      .selectOption((await self.getAttribute('value')) ?? '');
    await form.getByRole('button').click();
    await page.getByTestId('admin-self-grant').waitFor();
    expect(await page.getByTestId('admin-self-grant').textContent()).toContain('U kunt uzelf geen rol toekennen');
    await page.getByTestId('admin-grants').waitFor();
    expect(await page.getByTestId('admin-grants').textContent()).toContain('Geweigerd: rol aan zichzelf');
    await screenshot(page, '22-admin-self-grant-refused');
  });

  it('shows only the password form after a reset, and the app once the password is changed', async () => {
    const { page } = h;
    const row = page.getByTestId('admin-users').locator('tr', { hasText: 'clb@aanwezig.demo' });
    await row.getByRole('button', { name: 'Wachtwoord resetten' }).click();
    await page.getByTestId('admin-temporary-password').waitFor();
    const temporary = (await page.getByTestId('admin-temporary-password').locator('code').textContent()) ?? '';
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login$/);
    await page.getByTestId('login-email').fill('clb@aanwezig.demo');
    await page.getByTestId('login-password').fill(temporary);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('password-form').waitFor();
    expect(await page.getByTestId('logout').count()).toBe(0);
    await page.locator('#password-current').fill(temporary);
    await page.locator('#password-new').fill('een-eigen-wachtwoord');
    await page.locator('#password-repeat').fill('een-eigen-wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByTestId('logout').waitFor();
    expect(await page.getByTestId('password-form').count()).toBe(0);
  });
});
