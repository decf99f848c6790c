// The pupil page's panel "Deeltijds thuis op vraag van de school" (issue 15): the recorded arrangements with
// their signals (review date passed, more time away than agreed), the proposal when FIXED_SLOT holds, a form to
// record one and a review form (new review date or an end). Hidden for roles that may not see it (403).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { type Arrangement, type ArrangementTerms, partialSchoolingApi } from '../api/partial-schooling-client.ts';
import { TextField } from '../components/form-field.tsx';
import { ErrorMessage } from '../components/status.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';

const WEEK_HALF_DAYS = ['1-AM', '1-PM', '2-AM', '2-PM', '3-AM', '3-PM', '4-AM', '4-PM', '5-AM', '5-PM'] as const;
const DAY_KEYS: Record<string, MessageKey> = {
  '1': 'partial.day.1',
  '2': 'partial.day.2',
  '3': 'partial.day.3',
  '4': 'partial.day.4',
  '5': 'partial.day.5',
};

function useHalfDayLabel() {
  const { t } = useI18n();
  return (value: string) => {
    const [day = '', half = ''] = value.split('-');
    return `${t(DAY_KEYS[day] ?? 'partial.day.1')} ${t(half === 'AM' ? 'partial.am' : 'partial.pm')}`;
  };
}

export function PartialSchoolingPanel({ pupilId, today }: { pupilId: string; today: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = ['partial-schooling', pupilId];
  const query = useQuery({ queryKey: key, queryFn: () => partialSchoolingApi.ofPupil(pupilId), retry: false });
  const reload = () => queryClient.invalidateQueries({ queryKey: key });
  if (query.error instanceof ApiError && query.error.status === 403) return null;
  const data = query.data;
  return (
    <section aria-labelledby="partial-title" className="section" data-testid="partial-schooling">
      <h2 id="partial-title">{t('partial.title')}</h2>
      {query.error && <ErrorMessage error={query.error} onRetry={reload} />}
      {data?.proposed && (
        <p className="alert alert--info" data-testid="partial-proposed">
          {t('partial.proposed')}
        </p>
      )}
      {data && data.arrangements.length === 0 && <p className="muted">{t('partial.none')}</p>}
      {data?.arrangements.map((arrangement) => (
        <ArrangementView key={arrangement.id} pupilId={pupilId} arrangement={arrangement} onSaved={reload} />
      ))}
      {data && <RecordForm pupilId={pupilId} today={today} open={data.proposed} onSaved={reload} />}
    </section>
  );
}

interface ArrangementProps {
  pupilId: string;
  arrangement: Arrangement;
  onSaved: () => void;
}

function ArrangementView({ pupilId, arrangement, onSaved }: ArrangementProps) {
  const { t, language } = useI18n();
  const halfDayLabel = useHalfDayLabel();
  const yesNo = (value: boolean) => t(value ? 'partial.yes' : 'partial.no');
  return (
    <article className="card" data-testid="partial-arrangement">
      {arrangement.signals.map((signal) => (
        <p
          key={signal.ruleId}
          className="alert alert--error"
          role="status"
          data-testid={`partial-signal-${signal.ruleId}`}
        >
          {signal.explanation[language]}
        </p>
      ))}
      <dl className="facts">
        <Fact label={t('partial.halfDays')}>{arrangement.homeHalfDays.map(halfDayLabel).join(', ')}</Fact>
        <Fact label={t('partial.requestedBy')}>{arrangement.requestedBy}</Fact>
        <Fact label={t('partial.reason')}>{arrangement.reason}</Fact>
        <Fact label={t('partial.since')}>{formatDate(arrangement.since)}</Fact>
        <Fact label={t('partial.reviewOn')}>
          <span data-testid="partial-review-on">{formatDate(arrangement.reviewOn)}</span>
        </Fact>
        <Fact label={t('partial.endedOn')}>{arrangement.endedOn ? formatDate(arrangement.endedOn) : '—'}</Fact>
        <Fact label={t('partial.parentsAgreed')}>{yesNo(arrangement.parentsAgreed)}</Fact>
        <Fact label={t('partial.clbInvolved')}>{yesNo(arrangement.clbInvolved)}</Fact>
        <Fact label={t('partial.clbDoctorInvolved')}>{yesNo(arrangement.clbDoctorInvolved)}</Fact>
      </dl>
      {arrangement.inForce && <ReviewForm pupilId={pupilId} arrangement={arrangement} onSaved={onSaved} />}
    </article>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function termsOf(a: Arrangement): ArrangementTerms {
  return {
    requestedBy: a.requestedBy,
    reason: a.reason,
    homeHalfDays: a.homeHalfDays as ArrangementTerms['homeHalfDays'],
    since: a.since,
    reviewOn: a.reviewOn,
    endedOn: a.endedOn,
    parentsAgreed: a.parentsAgreed,
    clbInvolved: a.clbInvolved,
    clbDoctorInvolved: a.clbDoctorInvolved,
  };
}

function ReviewForm({ pupilId, arrangement, onSaved }: ArrangementProps) {
  const { t, language } = useI18n();
  const [reviewOn, setReviewOn] = useState(arrangement.reviewOn);
  const [endedOn, setEndedOn] = useState(arrangement.endedOn ?? '');
  const save = useMutation({
    mutationFn: () =>
      partialSchoolingApi.change(pupilId, arrangement.id, {
        ...termsOf(arrangement),
        reviewOn,
        endedOn: endedOn || null,
        version: arrangement.version,
      }),
    onSuccess: onSaved,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <details>
      <summary>{t('partial.review')}</summary>
      <form className="file-form" onSubmit={submit} data-testid="partial-review-form">
        <TextField label={t('partial.reviewOn')} type="date" value={reviewOn} onChange={setReviewOn} required />
        <TextField label={t('partial.endedOn')} type="date" value={endedOn} onChange={setEndedOn} />
        {save.error instanceof ApiError && (
          <p className="alert alert--error" role="alert">
            {save.error.messageFor(language)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('partial.save')}
        </button>
      </form>
    </details>
  );
}

function RecordForm({
  pupilId,
  today,
  open,
  onSaved,
}: {
  pupilId: string;
  today: string;
  open: boolean;
  onSaved: () => void;
}) {
  const { t, language } = useI18n();
  const halfDayLabel = useHalfDayLabel();
  const [requestedBy, setRequestedBy] = useState('');
  const [reason, setReason] = useState('');
  const [halfDays, setHalfDays] = useState<string[]>([]);
  const [since, setSince] = useState(today);
  const [reviewOn, setReviewOn] = useState('');
  const [flags, setFlags] = useState({ parentsAgreed: false, clbInvolved: false, clbDoctorInvolved: false });
  const save = useMutation({
    mutationFn: () =>
      partialSchoolingApi.record(pupilId, {
        requestedBy,
        reason,
        homeHalfDays: halfDays as ArrangementTerms['homeHalfDays'],
        since,
        reviewOn,
        ...flags,
      }),
    onSuccess: () => {
      setRequestedBy('');
      setReason('');
      setHalfDays([]);
      setReviewOn('');
      onSaved();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <details open={open}>
      <summary data-testid="partial-record-open">{t('partial.record')}</summary>
      <form className="file-form" onSubmit={submit} data-testid="partial-record-form">
        <p className="muted">{t('partial.hint')}</p>
        <TextField
          label={t('partial.requestedBy')}
          value={requestedBy}
          onChange={setRequestedBy}
          maxLength={200}
          required
          testId="partial-requested-by"
        />
        <TextField
          label={t('partial.reason')}
          value={reason}
          onChange={setReason}
          maxLength={2000}
          required
          testId="partial-reason"
        />
        <fieldset className="field">
          <legend>{t('partial.halfDays')}</legend>
          {WEEK_HALF_DAYS.map((value) => (
            <label key={value} className="checkbox">
              <input
                type="checkbox"
                checked={halfDays.includes(value)}
                onChange={(e) =>
                  setHalfDays(e.target.checked ? [...halfDays, value] : halfDays.filter((h) => h !== value))
                }
                data-testid={`partial-half-${value}`}
              />{' '}
              {halfDayLabel(value)}
            </label>
          ))}
        </fieldset>
        <TextField
          label={t('partial.since')}
          type="date"
          value={since}
          onChange={setSince}
          required
          testId="partial-since"
        />
        <TextField
          label={t('partial.reviewOn')}
          type="date"
          value={reviewOn}
          onChange={setReviewOn}
          min={since}
          required
          testId="partial-review"
        />
        {(['parentsAgreed', 'clbInvolved', 'clbDoctorInvolved'] as const).map((flag) => (
          <label key={flag} className="checkbox">
            <input
              type="checkbox"
              checked={flags[flag]}
              onChange={(e) => setFlags({ ...flags, [flag]: e.target.checked })}
              data-testid={`partial-${flag}`}
            />{' '}
            {t(`partial.${flag}`)}
          </label>
        ))}
        {save.error instanceof ApiError && (
          <p className="alert alert--error" role="alert" data-testid="partial-error">
            {save.error.messageFor(language)}
          </p>
        )}
        <div className="file-actions">
          <button type="submit" className="button button--primary" disabled={save.isPending} data-testid="partial-save">
            {t('partial.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
