// After a definitive exclusion (issue 15): what the school did as its level requires. Primary: opvang (obligatory
// unless not feasible); secondary: school and CLB help find a new school (seed 004 l. 2306–2345).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { type ExclusionSupport, partialSchoolingApi } from '../api/partial-schooling-client.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Answer = 'yes' | 'no' | 'unknown';
const answerOf = (value: boolean | null): Answer => (value === null ? 'unknown' : value ? 'yes' : 'no');
const booleanOf = (answer: Answer): boolean | null => (answer === 'unknown' ? null : answer === 'yes');

export function ExclusionSupportPanel({ pupilId, schoolYear }: { pupilId: string; schoolYear: string }) {
  const key = ['exclusion-support', pupilId, schoolYear];
  const query = useQuery({
    queryKey: key,
    queryFn: () => partialSchoolingApi.exclusionSupport(pupilId, schoolYear),
    retry: false,
  });
  if (!query.data) return null;
  return <SupportForm key={query.data.version} pupilId={pupilId} support={query.data} queryKey={key} />;
}

function SupportForm({
  pupilId,
  support,
  queryKey,
}: {
  pupilId: string;
  support: ExclusionSupport;
  queryKey: string[];
}) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const primary = support.level !== 'secundair';
  const [answer, setAnswer] = useState<Answer>(answerOf(primary ? support.opvang : support.searchHelp));
  const save = useMutation({
    mutationFn: () =>
      partialSchoolingApi.recordExclusionSupport(pupilId, support.schoolYear, {
        opvang: primary ? booleanOf(answer) : null,
        searchHelp: primary ? null : booleanOf(answer),
        version: support.version,
      }),
    // The enrolment's version moved: the pupil (and its enrolled-elsewhere form) reloads with it.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey }),
        queryClient.invalidateQueries({ queryKey: ['pupil', pupilId] }),
      ]),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="file-form" onSubmit={submit} data-testid="exclusion-support-form">
      <fieldset className="field">
        <legend>{t(primary ? 'exclusion.opvang' : 'exclusion.searchHelp')}</legend>
        {(['yes', 'no', 'unknown'] as const).map((value) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name="exclusion-support"
              checked={answer === value}
              onChange={() => setAnswer(value)}
              data-testid={`exclusion-support-${value}`}
            />{' '}
            {t(`exclusion.${value}`)}
          </label>
        ))}
      </fieldset>
      {save.error instanceof ApiError && (
        <p className="alert alert--error" role="alert">
          {save.error.messageFor(language)}
        </p>
      )}
      <button type="submit" className="button button--secondary" disabled={save.isPending}>
        {t('partial.save')}
      </button>
    </form>
  );
}
