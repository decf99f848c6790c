// Account administration for a beheerder: invite a user (temporary password shown once), assign and remove
// roles and classes, deactivate or reactivate, reset a password, and the history of every grant. The server
// refuses a grant to one's own account (separation of duties); the refusal shows here and in the history. Data
// loads with TanStack Query; every change reloads the users and the history.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { adminApi, type Organisation } from '../api/admin-client.ts';
import { ApiError } from '../api/client.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';

const ROLES_BY_KIND: Record<Organisation['kind'], string[]> = {
  school: ['secretariaat', 'leerkracht', 'leerlingbegeleider', 'zorgcoordinator', 'directie', 'beheerder'],
  clb: ['clb-medewerker', 'clb-arts', 'beheerder'],
  region: ['analist', 'beheerder'],
  lop: ['lop-medewerker', 'beheerder'],
};

const GRANT_ACTION_LABEL = {
  'user.invite': 'admin.historyInvite',
  'user.assign-role': 'admin.historyAssign',
  'user.remove-role': 'admin.historyRemove',
  'access.refused': 'admin.historySelfGrant',
} as const;

const classList = (text: string) =>
  text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);

export function AdminUsersPage() {
  const { language, t } = useI18n();
  const queryClient = useQueryClient();
  const [chosenOrganisationId, setOrganisationId] = useState('');
  const [secret, setSecret] = useState<{ email: string; password: string } | null>(null);
  const ids = {
    org: useId(),
    email: useId(),
    name: useId(),
    role: useId(),
    classes: useId(),
    grantUser: useId(),
    grantRole: useId(),
    grantClasses: useId(),
  };
  const [form, setForm] = useState({ email: '', displayName: '', role: 'leerkracht', classes: '' });
  const [grant, setGrant] = useState({ userId: '', role: '', classes: '' });

  useEffect(() => {
    document.title = `${t('admin.title')} · ${t('app.name')}`;
  }, [t]);

  const organisationsQuery = useQuery({ queryKey: ['admin', 'organisations'], queryFn: adminApi.organisations });
  const organisations = organisationsQuery.data ?? null;
  // The first organisation until the user chooses another.
  const organisationId = chosenOrganisationId || String(organisations?.[0]?.id ?? '');
  const usersQuery = useQuery({
    queryKey: ['admin', organisationId, 'users'],
    queryFn: () => adminApi.users(organisationId),
    enabled: organisationId !== '',
  });
  const grantsQuery = useQuery({
    queryKey: ['admin', organisationId, 'grants'],
    queryFn: () => adminApi.grants(organisationId),
    enabled: organisationId !== '',
  });
  const users = usersQuery.data ?? null;
  const grants = grantsQuery.data ?? null;

  // Every change reloads the users and the history afterwards, also when refused: a refused self-grant is audited
  // and appears in the history at once.
  const change = useMutation({
    mutationFn: (work: () => Promise<unknown>) => work(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['admin', organisationId] }),
  });
  const run = <T,>(work: () => Promise<T>, onSuccess?: (result: T) => void) =>
    change.mutate(work, { onSuccess: (result) => onSuccess?.(result as T) });
  const error = change.error ?? organisationsQuery.error ?? usersQuery.error ?? grantsQuery.error;

  const organisation = organisations?.find((o) => String(o.id) === organisationId);
  const roles = organisation ? ROLES_BY_KIND[organisation.kind] : [];

  const assign = (event: FormEvent) => {
    event.preventDefault();
    if (!organisation || !grant.userId) return;
    const role = grant.role || roles[0] || '';
    run(() =>
      adminApi.assignRole(Number(grant.userId), {
        organisationId: organisation.id,
        role,
        classNames: classList(grant.classes),
      }),
    );
  };

  const invite = (event: FormEvent) => {
    event.preventDefault();
    if (!organisation) return;
    const invitation = {
      email: form.email,
      displayName: form.displayName,
      organisationId: organisation.id,
      role: form.role,
      classNames: classList(form.classes),
    };
    run(
      () => adminApi.invite(invitation),
      (created) => {
        setSecret({ email: invitation.email, password: created.temporaryPassword });
        setForm({ ...form, email: '', displayName: '', classes: '' });
      },
    );
  };

  if (organisationsQuery.isPending) return <Loading />;
  return (
    <main id="main" className="page">
      <h1>{t('admin.title')}</h1>
      {error instanceof ApiError && error.problem.type === 'urn:aanwezig:problem:self-grant' ? (
        <div className="alert alert--error" role="alert" data-testid="admin-self-grant">
          <p>{t('admin.selfGrantRefused')}</p>
        </div>
      ) : (
        error !== null && <ErrorMessage error={error} />
      )}
      {secret && (
        <div className="alert alert--success" role="status" data-testid="admin-temporary-password">
          <p>{t('admin.temporaryPassword', { email: secret.email })}</p>
          <p>
            <code>{secret.password}</code>
          </p>
        </div>
      )}
      <div className="field field--inline">
        <label htmlFor={ids.org}>{t('admin.organisation')}</label>
        <select id={ids.org} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
          {(organisations ?? []).map((o) => (
            <option key={o.id} value={String(o.id)}>
              {o.name}
            </option>
          ))}
        </select>
      </div>

      <section aria-labelledby="admin-invite">
        <h2 id="admin-invite">{t('admin.invite')}</h2>
        <form onSubmit={invite} className="form-grid">
          <div className="field">
            <label htmlFor={ids.email}>{t('login.email')}</label>
            <input
              id={ids.email}
              type="email"
              required
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.name}>{t('admin.name')}</label>
            <input
              id={ids.name}
              required
              value={form.displayName}
              onChange={(e) => setForm({ ...form, displayName: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.role}>{t('admin.role')}</label>
            <select id={ids.role} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          </div>
          {form.role === 'leerkracht' && (
            <div className="field">
              <label htmlFor={ids.classes}>{t('admin.classes')}</label>
              <input
                id={ids.classes}
                value={form.classes}
                onChange={(e) => setForm({ ...form, classes: e.target.value })}
              />
            </div>
          )}
          <button type="submit" className="button button--primary">
            {t('admin.inviteSubmit')}
          </button>
        </form>
      </section>

      <section aria-labelledby="admin-assign">
        <h2 id="admin-assign">{t('admin.assign')}</h2>
        <form onSubmit={assign} className="form-grid" data-testid="admin-assign">
          <div className="field">
            <label htmlFor={ids.grantUser}>{t('admin.user')}</label>
            <select
              id={ids.grantUser}
              required
              value={grant.userId}
              onChange={(e) => setGrant({ ...grant, userId: e.target.value })}
            >
              <option value="">—</option>
              {(users ?? []).map((user) => (
                <option key={user.id} value={String(user.id)}>
                  {user.displayName} ({user.email})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.grantRole}>{t('admin.role')}</label>
            <select
              id={ids.grantRole}
              value={grant.role || roles[0] || ''}
              onChange={(e) => setGrant({ ...grant, role: e.target.value })}
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          </div>
          {(grant.role || roles[0]) === 'leerkracht' && (
            <div className="field">
              <label htmlFor={ids.grantClasses}>{t('admin.classes')}</label>
              <input
                id={ids.grantClasses}
                value={grant.classes}
                onChange={(e) => setGrant({ ...grant, classes: e.target.value })}
              />
            </div>
          )}
          <button type="submit" className="button button--primary">
            {t('admin.assignSubmit')}
          </button>
        </form>
      </section>

      <section aria-labelledby="admin-users">
        <h2 id="admin-users">{t('admin.users')}</h2>
        {users === null ? (
          <Loading />
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="admin-users">
              <thead>
                <tr>
                  <th scope="col">{t('admin.name')}</th>
                  <th scope="col">{t('login.email')}</th>
                  <th scope="col">{t('admin.roles')}</th>
                  <th scope="col">{t('admin.status')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id}>
                    <td>{user.displayName}</td>
                    <td>{user.email}</td>
                    <td>
                      <ul className="plain-list">
                        {user.memberships.map((m) => (
                          <li key={`${m.organisationId}-${m.role}`}>
                            {m.role}
                            {m.classNames.length > 0 && ` (${m.classNames.join(', ')})`}{' '}
                            <button
                              type="button"
                              className="button button--secondary button--small"
                              onClick={() =>
                                run(() =>
                                  adminApi.removeRole(user.id, { organisationId: m.organisationId, role: m.role }),
                                )
                              }
                            >
                              {t('admin.removeRole')}
                            </button>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {user.active ? t('admin.active') : t('admin.inactive')}
                      {user.lockedUntil && ` · ${t('admin.locked')}`}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => run(() => adminApi.setActive(user.id, !user.active))}
                      >
                        {user.active ? t('admin.deactivate') : t('admin.activate')}
                      </button>{' '}
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() =>
                          run(
                            () => adminApi.resetPassword(user.id),
                            (reset) => setSecret({ email: user.email, password: reset.temporaryPassword }),
                          )
                        }
                      >
                        {t('admin.resetPassword')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="admin-history">
        <h2 id="admin-history">{t('admin.history')}</h2>
        {grants === null ? (
          <Loading />
        ) : grants.length === 0 ? (
          <p className="muted">{t('admin.historyEmpty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="admin-grants">
              <thead>
                <tr>
                  <th scope="col">{t('admin.historyAt')}</th>
                  <th scope="col">{t('admin.historyBy')}</th>
                  <th scope="col">{t('admin.historyWhat')}</th>
                  <th scope="col">{t('admin.user')}</th>
                  <th scope="col">{t('admin.role')}</th>
                </tr>
              </thead>
              <tbody>
                {grants.map((event) => (
                  <tr key={event.id}>
                    <td>{new Date(event.at).toLocaleString(language === 'nl' ? 'nl-BE' : 'en-GB')}</td>
                    <td>{event.actorLabel}</td>
                    <td>{t(GRANT_ACTION_LABEL[event.action])}</td>
                    <td>{event.userEmail ?? '—'}</td>
                    <td>{event.role ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
