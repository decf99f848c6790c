// "Afspraken om op te volgen": agreements of the pupil files that are due soon or overdue, with a link to the
// file. Hidden for users who may not read pupil files (the API answers 403).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { remindersApi } from '../api/reminders-client.ts';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { Pagination } from './pagination.tsx';
import { ErrorMessage } from './status.tsx';

const PAGE_SIZE = 10;

export function RemindersPanel({ schoolId }: { schoolId: number | string | null }) {
  const { t } = useI18n();
  const heading = useId();
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['reminders', schoolId, mine, page],
    queryFn: () => remindersApi.list(schoolId, { mine, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const result = query.data ?? null;
  const error = query.error;

  if (error instanceof ApiError && error.status === 403) return null;
  return (
    <section className="section card reminders" aria-labelledby={heading} data-testid="reminders">
      <div className="reminders__heading">
        <h2 id={heading}>
          {t('reminders.title')}{' '}
          {result && result.overdue > 0 && (
            <span className="badge badge--days-open" data-testid="reminders-overdue">
              {t('reminders.overdueCount', { count: result.overdue })}
            </span>
          )}
        </h2>
        <label className="reminders__mine">
          <input
            type="checkbox"
            checked={mine}
            onChange={(event) => {
              setMine(event.target.checked);
              setPage(1);
            }}
            data-testid="reminders-mine"
          />{' '}
          {t('reminders.mine')}
        </label>
      </div>
      {error !== null && <ErrorMessage error={error} onRetry={() => void query.refetch()} />}
      {result && result.total === 0 && <p className="muted">{t('reminders.none')}</p>}
      {result && result.items.length > 0 && (
        <ul className="reminders__list">
          {result.items.map((item) => (
            <li key={item.id} data-testid="reminder-row" data-state={item.state}>
              <span className={`badge ${item.state === 'overdue' ? 'badge--days-open' : 'badge--obligation'}`}>
                {item.state === 'overdue'
                  ? t('reminders.overdue', { count: item.daysOverdue })
                  : item.state === 'due-today'
                    ? t('reminders.today')
                    : t('reminders.due', { date: formatDate(item.dueOn) })}
              </span>{' '}
              <Link to={`/pupils/${item.pupilId}/file`}>
                {item.firstName} {item.lastName}
              </Link>
              {(item.className ?? item.lastClassName) ? ` (${item.className ?? item.lastClassName})` : ''}
              {schoolId === null ? ` · ${item.schoolName}` : ''}: {item.what} — {t('reminders.who', { who: item.who })}
            </li>
          ))}
        </ul>
      )}
      {result && result.total > PAGE_SIZE && (
        <Pagination label="reminders.pages" page={page} pageSize={PAGE_SIZE} total={result.total} onPage={setPage} />
      )}
    </section>
  );
}
