// The audit log search for a beheerder: who read or changed which pupils, when and through which endpoint.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { AUDIT_ACTION_LABELS } from '../../src/domain/labels.ts';
import { type AuditFilter, adminApi } from '../api/admin-client.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { formatTimestamp } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useLabels } from '../i18n/labels.ts';

export function AuditLogPage() {
  const { language, t } = useI18n();
  const labels = useLabels();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [draft, setDraft] = useState<AuditFilter>({});
  const ids = { pupil: useId(), action: useId(), from: useId(), until: useId() };

  const query = useQuery({
    queryKey: ['audit', filter],
    queryFn: () => adminApi.audit(filter),
    placeholderData: keepPreviousData,
  });
  const result = query.data ?? null;
  const error = query.error;
  useEffect(() => {
    document.title = `${t('audit.title')} · ${t('app.name')}`;
  }, [t]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ ...draft });
  };
  const input = (key: keyof AuditFilter, id: string, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={String(draft[key] ?? '')}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value || undefined })}
      />
    </div>
  );

  return (
    <main id="main" className="page">
      <h1>{t('audit.title')}</h1>
      <form onSubmit={search} className="form-grid" data-testid="audit-filter">
        {input('pupilId', ids.pupil, t('audit.pupilId'))}
        <div className="field">
          <label htmlFor={ids.action}>{t('audit.action')}</label>
          <select
            id={ids.action}
            value={draft.action ?? ''}
            onChange={(e) => setDraft({ ...draft, action: e.target.value || undefined })}
          >
            <option value="">{t('audit.anyAction')}</option>
            {Object.keys(AUDIT_ACTION_LABELS).map((action) => (
              <option key={action} value={action}>
                {labels.auditAction(action)}
              </option>
            ))}
          </select>
        </div>
        {input('from', ids.from, t('audit.from'), 'date')}
        {input('until', ids.until, t('audit.until'), 'date')}
        <button type="submit" className="button button--primary">
          {t('audit.search')}
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} onRetry={() => void query.refetch()} />}
      {result === null && error === null && <Loading />}
      {result && (
        <div className="table-scroll">
          <p className="muted">{t('audit.count', { count: result.total })}</p>
          <table className="data-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('admin.organisation')}</th>
                <th scope="col">{t('audit.pupils')}</th>
                <th scope="col">{t('audit.origin')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((event) => (
                <tr key={event.id}>
                  <td>{formatTimestamp(event.at, language)}</td>
                  <td>{event.actorLabel}</td>
                  <td title={event.action}>{labels.auditAction(event.action)}</td>
                  <td>{event.organisationName ?? '—'}</td>
                  <td>{event.pupilIds.length > 5 ? `${event.pupilIds.length}×` : event.pupilIds.join(', ')}</td>
                  <td>
                    <code>{event.origin}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
