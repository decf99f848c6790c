// Sharing a CLB doctor's (clb-arts) entry or document of the pupil file by consent of the pupil or the parents: the CLB
// doctor records who consented, for what, with which roles and until when, and can revoke it.

import { type FormEvent, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { type ConsentItem, type FileConsent, fileApi } from '../api/pupil-file-client.ts';
import { TextField } from '../components/form-field.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';

/** Roles a clb-arts entry may be shared with (CONSENT_ROLES in src/app/policy/notes.policy.ts). */
const SHAREABLE = ['leerkracht', 'leerlingbegeleider', 'zorgcoordinator', 'directie', 'clb-medewerker'] as const;

export function FileConsents({ item, id }: { item: ConsentItem; id: number }) {
  const { language, t } = useI18n();
  const [open, setOpen] = useState(false);
  const [consents, setConsents] = useState<FileConsent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [givenBy, setGivenBy] = useState('');
  const [purpose, setPurpose] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [validUntil, setValidUntil] = useState('');
  const [reload, setReload] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` is the refresh trigger
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    fileApi
      .consents(item, id)
      .then((loaded) => !cancelled && setConsents(loaded.items))
      .catch((caught: unknown) => !cancelled && setError(errorMessage(caught, language, t('app.error'))));
    return () => {
      cancelled = true;
    };
  }, [open, item, id, reload]);

  const act = (work: () => Promise<unknown>) => {
    setError(null);
    work()
      .then(() => setReload((n) => n + 1))
      .catch((caught: unknown) => setError(errorMessage(caught, language, t('app.error'))));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    act(async () => {
      await fileApi.addConsent(item, id, { givenBy, purpose, sharedWithRoles: roles, validUntil });
      setGivenBy('');
      setPurpose('');
      setRoles([]);
      setValidUntil('');
    });
  };

  if (!open)
    return (
      <button
        type="button"
        className="button button--link"
        onClick={() => setOpen(true)}
        data-testid={`${item}-consents-open`}
      >
        {t('consent.manage')}
      </button>
    );
  return (
    <div className="entry-consents" data-testid={`${item}-consents`}>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {consents && consents.length === 0 && <p className="muted">{t('consent.none')}</p>}
      {consents && consents.length > 0 && (
        <ul className="file-list">
          {consents.map((c) => {
            const valid = c.valid;
            return (
              <li key={c.id} data-testid={`${item}-consent`}>
                {c.sharedWithRoles.map((r) => t(`consent.role.${r}` as MessageKey)).join(', ')} ·{' '}
                {t('consent.until', { date: formatDate(c.validUntil) })} · {c.givenBy}: {c.purpose} ·{' '}
                {c.revokedAt ? t('consent.revoked') : valid ? t('consent.valid') : t('consent.expired')}
                {valid && (
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() => act(() => fileApi.revokeConsent(c.id))}
                    data-testid={`${item}-consent-revoke`}
                  >
                    {t('consent.revoke')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <form className="file-form" onSubmit={submit} data-testid={`${item}-consent-form`}>
        <TextField label={t('consent.givenBy')} value={givenBy} onChange={setGivenBy} required maxLength={200} />
        <TextField label={t('consent.purpose')} value={purpose} onChange={setPurpose} required maxLength={1000} />
        <fieldset className="field">
          <legend>{t('consent.roles')}</legend>
          {SHAREABLE.map((role) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
                data-testid={`${item}-consent-role-${role}`}
              />{' '}
              {t(`consent.role.${role}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <TextField label={t('consent.validUntil')} value={validUntil} onChange={setValidUntil} type="date" required />
        <p className="file-actions">
          <button type="submit" className="button button--primary" data-testid={`${item}-consent-save`}>
            {t('consent.save')}
          </button>
        </p>
      </form>
    </div>
  );
}
