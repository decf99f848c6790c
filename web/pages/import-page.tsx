// Import a pupil list, absence register or calendar file, see the result or every problem, and past imports. When
// the server cannot find the required columns the page asks which column holds which field and retries with that
// mapping (the server remembers it for the school); uploads show their progress; templates download per kind.
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, api, type ImportKind, type ImportResult, type School } from '../api/client.ts';
import { type ColumnChoice, columnChoiceOf, importTemplateUrl, uploadImport } from '../api/upload.ts';
import { ProblemTable } from '../components/problem-table.tsx';
import { ErrorMessage } from '../components/status.tsx';
import { formatTimestamp } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type MessageKey, nl } from '../i18n/nl.ts';
import { useReadySession } from '../session.tsx';

const KINDS: readonly ImportKind[] = ['pupils', 'register', 'calendar'];
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Outcome =
  | { type: 'result'; result: ImportResult; fileName: string }
  | { type: 'rejected'; error: ApiError; fileName: string }
  | { type: 'failed'; error: unknown };

export function ImportPage({ school }: { school: School }) {
  const { language, t } = useI18n();
  const { schoolYear } = useReadySession();
  const [kind, setKind] = useState<ImportKind>('register');
  const [file, setFile] = useState<File | null>(null);
  const [pupilsYear, setPupilsYear] = useState<string>(schoolYear ?? school.defaultSchoolYear);
  const [busy, setBusy] = useState(false);
  const [missingFile, setMissingFile] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  /** Share of the file sent (0–1) while uploading; null when no upload runs. */
  const [progress, setProgress] = useState<number | null>(null);
  /** Set when the server could not map the file's columns: the mapping form is shown. */
  const [columnChoice, setColumnChoice] = useState<ColumnChoice | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const outcomeRef = useRef<HTMLDivElement>(null);
  const mappingRef = useRef<HTMLFormElement>(null);
  const ids = { kind: useId(), file: useId(), year: useId(), fileError: useId(), help: useId(), mapping: useId() };

  useEffect(() => {
    document.title = `${t('import.title')} · ${school.name} · ${t('app.name')}`;
  }, [school.name, t]);

  useEffect(() => {
    if (schoolYear) setPupilsYear(schoolYear);
  }, [schoolYear]);

  const historyQuery = useQuery({ queryKey: ['imports', school.id], queryFn: () => api.imports(school.id) });
  const history = historyQuery.data ?? null;
  const historyError = historyQuery.error;
  const loadHistory = () => void historyQuery.refetch();

  // biome-ignore lint/correctness/useExhaustiveDependencies: another school starts with no outcome shown
  useEffect(() => {
    setOutcome(null);
  }, [school.id]);

  useEffect(() => {
    if (columnChoice) mappingRef.current?.querySelector('select')?.focus();
    else if (outcome) outcomeRef.current?.focus();
  }, [outcome, columnChoice]);

  /** Another file or kind starts without a column mapping. */
  const resetMapping = () => {
    setColumnChoice(null);
    setMapping({});
  };

  const upload = async (withMapping: Record<string, string> | undefined) => {
    if (!file) {
      setMissingFile(true);
      return;
    }
    setBusy(true);
    setProgress(0);
    setOutcome(null);
    try {
      const result = await uploadImport(school.id, kind, file, {
        schoolYear: kind === 'pupils' ? pupilsYear : undefined,
        mapping: withMapping,
        onProgress: setProgress,
      });
      setOutcome({ type: 'result', result, fileName: file.name });
      setFile(null);
      setFileInputKey((key) => key + 1);
      resetMapping();
      loadHistory();
    } catch (caught) {
      const choice = columnChoiceOf(caught);
      if (choice) {
        setColumnChoice(choice);
        setMapping((previous) =>
          Object.fromEntries(
            [...choice.required, ...choice.optional].map((field) => [
              field,
              choice.headers.includes(previous[field] ?? '') ? (previous[field] as string) : '',
            ]),
          ),
        );
      } else resetMapping();
      if (caught instanceof ApiError && caught.problem.problems && caught.problem.problems.length > 0) {
        setOutcome({ type: 'rejected', error: caught, fileName: file.name });
      } else {
        setOutcome({ type: 'failed', error: caught });
      }
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void upload(undefined);
  };

  const submitMapping = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void upload(Object.fromEntries(Object.entries(mapping).filter(([, header]) => header !== '')));
  };

  const number = new Intl.NumberFormat(language === 'nl' ? 'nl-BE' : 'en');

  return (
    <main id="main" className="page import-page">
      <div className="page__heading">
        <h1>
          {t('import.title')} <span className="page__subtitle">{school.name}</span>
        </h1>
      </div>
      <p className="lead">{t('import.intro')}</p>

      <form className="card import-form" onSubmit={submit} data-testid="import-form">
        <fieldset className="kind-choice">
          <legend>{t('import.kind')}</legend>
          {KINDS.map((candidate) => (
            <div key={candidate} className="kind-choice__option">
              <input
                type="radio"
                id={`${ids.kind}-${candidate}`}
                name="kind"
                value={candidate}
                checked={kind === candidate}
                onChange={() => {
                  setKind(candidate);
                  resetMapping();
                }}
                data-testid={`import-kind-${candidate}`}
              />
              <label htmlFor={`${ids.kind}-${candidate}`}>{t(`import.kind.${candidate}`)}</label>
            </div>
          ))}
        </fieldset>

        <div className="import-help" id={ids.help}>
          <p>{t(`import.kind.${kind}.help`)}</p>
          <p className="muted">{t('import.columnsNote')}</p>
          <p>
            <a
              href={importTemplateUrl(school.id, kind)}
              download={`${kind}-template.csv`}
              data-testid="import-template"
            >
              {t('import.template', { kind: t(`import.kind.${kind}`) })}
            </a>
          </p>
        </div>

        {kind === 'pupils' && (
          <div className="field">
            <label htmlFor={ids.year}>{t('import.schoolYear')}</label>
            <select
              id={ids.year}
              value={pupilsYear}
              onChange={(event) => setPupilsYear(event.target.value)}
              data-testid="import-school-year"
            >
              {school.schoolYears.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
        )}

        <div className="field">
          <label htmlFor={ids.file}>{t('import.file')}</label>
          <input
            key={fileInputKey}
            id={ids.file}
            type="file"
            name="file"
            accept={ACCEPT}
            aria-describedby={missingFile ? `${ids.help} ${ids.fileError}` : ids.help}
            aria-invalid={missingFile || undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setMissingFile(false);
              resetMapping();
            }}
            data-testid="import-file"
          />
          {missingFile && (
            <p id={ids.fileError} className="field__error" role="alert">
              {t('import.noFile')}
            </p>
          )}
        </div>

        <button type="submit" className="button button--primary" disabled={busy} data-testid="import-submit">
          {busy ? t('import.busy') : t('import.submit')}
        </button>
        {progress !== null && (
          <div className="import-progress" role="status" data-testid="import-progress">
            <progress max={1} value={progress} aria-label={t('import.progress.label')} />
            <span>
              {progress < 1
                ? t('import.progress.upload', { percent: `${Math.round(progress * 100)} %` })
                : t('import.progress.processing')}
            </span>
          </div>
        )}
      </form>

      {columnChoice && (
        <form
          ref={mappingRef}
          className="card import-mapping"
          onSubmit={submitMapping}
          aria-labelledby={ids.mapping}
          data-testid="column-mapping"
        >
          <h2 id={ids.mapping}>{t('import.mapping.title')}</h2>
          <p>{t('import.mapping.intro')}</p>
          {kind !== 'calendar' && <p className="muted">{t('import.mapping.alternatives')}</p>}
          {[...columnChoice.required, ...columnChoice.optional].map((field) => {
            const selectId = `${ids.mapping}-${field}`;
            const required = columnChoice.required.includes(field);
            return (
              <div key={field} className="field">
                <label htmlFor={selectId}>
                  {fieldLabel(t, field)}{' '}
                  <span className="muted">
                    ({required ? t('import.mapping.required') : t('import.mapping.optional')})
                  </span>
                </label>
                <select
                  id={selectId}
                  value={mapping[field] ?? ''}
                  onChange={(event) => setMapping((current) => ({ ...current, [field]: event.target.value }))}
                  data-testid={`mapping-${field}`}
                >
                  <option value="">{t('import.mapping.none')}</option>
                  {columnChoice.headers.map((header, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a file may repeat a header
                    <option key={index} value={header}>
                      {header}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
          <button type="submit" className="button button--primary" disabled={busy} data-testid="mapping-submit">
            {t('import.mapping.submit')}
          </button>
        </form>
      )}

      <div ref={outcomeRef} tabIndex={-1} className="import-outcome" data-testid="import-outcome">
        {outcome?.type === 'result' && outcome.result.status === 'applied' && (
          <div className="alert alert--success" role="status" data-testid="import-applied">
            <p>
              <strong>{t('import.applied')}</strong> <span className="muted">({outcome.fileName})</span>
            </p>
            <p>
              {t('import.appliedCounts', {
                rows: number.format(outcome.result.rows),
                inserted: number.format(outcome.result.inserted),
                updated: number.format(outcome.result.updated),
              })}
            </p>
          </div>
        )}
        {outcome?.type === 'result' && outcome.result.status === 'unchanged' && (
          <div className="alert alert--info" role="status" data-testid="import-unchanged">
            <p>
              <strong>{t('import.unchanged')}</strong> <span className="muted">({outcome.fileName})</span>
            </p>
          </div>
        )}
        {outcome?.type === 'result' && outcome.result.warnings.length > 0 && (
          <section className="section" aria-labelledby="import-warnings-title">
            <h2 id="import-warnings-title">{t('import.warnings')}</h2>
            <ProblemTable problems={outcome.result.warnings} caption={t('import.warnings')} rowTestId="warning-row" />
          </section>
        )}
        {outcome?.type === 'rejected' && (
          <section className="problem-report" aria-labelledby="import-problems-title" data-testid="problem-report">
            <div className="alert alert--error" role="alert">
              <h2 id="import-problems-title" data-testid="problem-count">
                {outcome.error.problem.problems?.length === 1
                  ? t('import.problems.one')
                  : t('import.problems.other', {
                      count: number.format(outcome.error.problem.problems?.length ?? 0),
                    })}
              </h2>
              <p>
                <span className="muted">{outcome.fileName}</span> — {t('import.problemsHint')}
              </p>
            </div>
            <ProblemTable
              problems={outcome.error.problem.problems ?? []}
              caption={t('import.problem')}
              rowTestId="problem-row"
            />
          </section>
        )}
        {outcome?.type === 'failed' && <ErrorMessage error={outcome.error} />}
      </div>

      <section className="section" aria-labelledby="import-history-title">
        <h2 id="import-history-title">{t('import.history')}</h2>
        {historyError !== null && <ErrorMessage error={historyError} onRetry={loadHistory} />}
        {history && history.length === 0 && <p className="muted">{t('import.historyEmpty')}</p>}
        {history && history.length > 0 && (
          <div className="table-scroll">
            <table className="data-table" data-testid="import-history">
              <caption className="visually-hidden">{t('import.history')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.when')}</th>
                  <th scope="col">{t('import.what')}</th>
                  <th scope="col">{t('import.fileName')}</th>
                  <th scope="col" className="numeric">
                    {t('import.rows')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('import.inserted')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('import.updated')}
                  </th>
                  <th scope="col">{t('import.by')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((record) => (
                  <tr key={record.id} data-testid="import-history-row">
                    <td className="nowrap">{formatTimestamp(record.createdAt, language)}</td>
                    <td>{KINDS.includes(record.kind) ? t(`import.kind.${record.kind}`) : record.kind}</td>
                    <td className="break">{record.fileName}</td>
                    <td className="numeric">{number.format(record.rowCount)}</td>
                    <td className="numeric">{number.format(record.insertedCount)}</td>
                    <td className="numeric">{number.format(record.updatedCount)}</td>
                    <td>{record.createdBy ?? ''}</td>
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

/** The Dutch or English name of a canonical field, with the canonical name for those who know the format. */
function fieldLabel(t: (key: MessageKey) => string, field: string): string {
  const key = `import.field.${field}`;
  return key in nl ? `${t(key as MessageKey)} (${field})` : field;
}
