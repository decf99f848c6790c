// The pupil file (leerlingendossier): tracks and phases, spilfiguur, people and contact attempts, the timeline
// (register facts, signals and measures), agreements with conflict handling, the CLB-signal checklist, exports.

import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import {
  type Agreement,
  type AgreementInput,
  type Confidentiality,
  conflictOf,
  type FileTrack,
  fileApi,
  type Paged,
  type PupilFile,
  preconditionsOf,
  type TimelineItem,
} from '../api/pupil-file-client.ts';
import { Field, TextField } from '../components/form-field.tsx';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useLabels } from '../i18n/labels.ts';
import type { MessageKey } from '../i18n/nl.ts';
import { Link } from '../router.tsx';
import { FileConsents } from './file-consents.tsx';
import { FormError, type Run, useFormRun } from './pupil-file/form-run.tsx';
import { FileDocuments } from './pupil-file-documents.tsx';
import { FileWorkflows, WorkflowDetails } from './pupil-file-workflows.tsx';

const PAGE = 20;
const RELATIONS = ['pupil', 'parent1', 'parent2', 'plus-parent', 'school-staff', 'clb', 'external', 'other'];

type Notice = { tone: 'success' | 'error'; text: string } | null;

export function PupilFilePage({ pupilId }: { pupilId: string }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const [file, setFile] = useState<PupilFile | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  const refresh = useCallback(() => setReload((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` is the refresh trigger
  useEffect(() => {
    let cancelled = false;
    fileApi
      .file(pupilId)
      .then((loaded) => !cancelled && setFile(loaded))
      .catch((caught: unknown) => !cancelled && setError(caught));
    return () => {
      cancelled = true;
    };
  }, [pupilId, reload]);

  useEffect(() => {
    if (file) document.title = `${t('file.title')} · ${file.pupil.firstName} ${file.pupil.lastName} · ${t('app.name')}`;
  }, [file, t]);

  if (error !== null && !file)
    return (
      <main id="main" className="page">
        <ErrorMessage error={error} onRetry={refresh} />
      </main>
    );
  if (!file)
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );

  const run: Run = async (work, done, onError) => {
    try {
      await work();
      setNotice({ tone: 'success', text: done });
      refresh();
      return true;
    } catch (caught) {
      if (onError) {
        setNotice(null);
        onError(caught);
        return false;
      }
      const conditions = preconditionsOf(caught);
      setNotice({
        tone: 'error',
        text:
          conditions.length > 0
            ? conditions.map((c) => c[language]).join(' ')
            : errorMessage(caught, language, t('app.error')),
      });
      return false;
    }
  };

  const tocSections: { anchor: string; label: string }[] = [
    { anchor: 'file-timeline', label: t('file.timeline') },
    { anchor: 'file-agreements', label: t('file.agreements') },
    { anchor: 'file-tracks', label: t('file.tracks') },
    { anchor: 'file-pivot', label: t('file.pivot') },
    { anchor: 'file-people', label: t('file.people') },
    { anchor: 'file-documents-section', label: t('docs.title') },
    ...(file.permissions.manage ? [{ anchor: 'file-workflows-section', label: t('wf.title') }] : []),
    ...(file.permissions.export ? [{ anchor: 'file-exports', label: t('file.exports') }] : []),
  ];

  return (
    <main id="main" className="page pupil-file-page" data-testid="file-page">
      <p className="back-link">
        <Link to={`/pupils/${encodeURIComponent(pupilId)}`}>← {t('file.back')}</Link>
      </p>
      <div className="page__heading">
        <h1 data-testid="file-pupil-name">
          {t('file.title')}: {file.pupil.lastName}, {file.pupil.firstName}
        </h1>
        <p className="page__meta">
          {file.pupil.externalId} · {file.pupil.className ?? '—'}
        </p>
      </div>
      {notice && (
        <p
          className={`alert alert--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="file-notice"
        >
          {notice.text}
        </p>
      )}
      {!file.permissions.write && <p className="alert alert--info">{t('file.readOnly')}</p>}

      {file.openSignals.some((s) => s.ruleId === 'B5_CLB') && file.permissions.manage && (
        <ClbSignalForm file={file} pupilId={pupilId} run={run} />
      )}
      <div className="pupil-file-layout">
        <FileToc sections={tocSections} />
        <div className="pupil-file-layout__sections">
          <Timeline pupilId={pupilId} reload={reload} kinds={file.kinds} canShare={file.permissions.consent}>
            {file.permissions.write && (
              <OnDemand label={t('file.addEntry')} testId="file-open-entry">
                <EntryForm file={file} pupilId={pupilId} run={run} />
              </OnDemand>
            )}
          </Timeline>

          <Agreements file={file} pupilId={pupilId} run={run} reload={reload} />

          <Section title={t('file.tracks')} testId="file-tracks" anchor="file-tracks">
            <ul className="file-list">
              {file.tracks.map((track) => (
                <TrackRow
                  key={track.track}
                  pupilId={pupilId}
                  track={track}
                  canManage={file.permissions.manage}
                  run={run}
                />
              ))}
            </ul>
            {file.trackChanges.length > 0 && (
              <details>
                <summary>{t('file.phaseHistory')}</summary>
                <ul data-testid="phase-history">
                  {file.trackChanges.map((c) => (
                    <li key={c.id}>
                      {t('file.phaseChange', {
                        date: formatDate(c.changedAt.slice(0, 10)),
                        track: labels.track(c.track),
                        from: c.fromPhase ?? '—',
                        to: c.toPhase,
                        who: c.changedBy ?? '—',
                        reason: c.reason,
                      })}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </Section>

          <Section title={t('file.pivot')} testId="file-pivot" anchor="file-pivot">
            <p className="muted">{t('file.pivotHint')}</p>
            <p data-testid="pivot-current">
              {file.pivot.name
                ? `${file.pivot.name}${file.pivot.role ? ` (${file.pivot.role})` : ''}`
                : t('file.pivotNone')}
            </p>
            {file.permissions.manage && (
              <OnDemand label={t('file.changePivot')} testId="file-open-pivot">
                <PivotForm pupilId={pupilId} pivot={file.pivot} run={run} />
              </OnDemand>
            )}
          </Section>

          <Section title={t('file.people')} testId="file-people" anchor="file-people">
            {file.parentsUnreachable && <p className="alert alert--info">{t('file.parentsUnreachable')}</p>}
            <ul className="file-list">
              {file.people.items.map((person) => (
                <li key={person.id} data-testid="person-row">
                  <strong>{person.name}</strong> · {labels.relation(person.relation)}
                  {person.phone && ` · ${person.phone}`}
                  {person.email && ` · ${person.email}`}
                  {file.permissions.write && (
                    <span className="file-actions">
                      {[true, false].map((reached) => (
                        <button
                          key={String(reached)}
                          type="button"
                          className="button button--secondary button--small"
                          data-testid={reached ? 'attempt-reached' : 'attempt-unreached'}
                          onClick={() =>
                            void run(
                              () =>
                                fileApi.addContactAttempt(person.id, {
                                  attemptedOn: new Date().toISOString().slice(0, 10),
                                  channel: 'phone',
                                  reached,
                                }),
                              t('file.saved'),
                            )
                          }
                        >
                          {reached ? t('file.reached') : t('file.notReached')}
                        </button>
                      ))}
                    </span>
                  )}
                  <ul>
                    {file.contactAttempts
                      .filter((a) => a.personId === person.id)
                      .map((a) => (
                        <li key={a.id} className="muted" data-testid="attempt-row">
                          {t('file.attempt', {
                            date: formatDate(a.attemptedOn),
                            channel: a.channel,
                            result: a.reached ? t('file.reached') : t('file.notReached'),
                          })}
                        </li>
                      ))}
                  </ul>
                </li>
              ))}
            </ul>
            {file.permissions.write && (
              <OnDemand label={t('file.addPerson')} testId="file-open-person">
                <PersonForm pupilId={pupilId} run={run} />
              </OnDemand>
            )}
          </Section>

          <div id="file-documents-section" className="file-anchor">
            <FileDocuments pupilId={pupilId} file={file} />
          </div>
          {file.permissions.manage && (
            <div id="file-workflows-section" className="file-anchor">
              <FileWorkflows file={file} pupilId={pupilId} run={run} />
            </div>
          )}

          {file.permissions.export && (
            <Section title={t('file.exports')} testId="file-exports" anchor="file-exports">
              <p className="file-actions">
                <a
                  className="button button--secondary"
                  href={fileApi.exportUrl(pupilId, 'pdf')}
                  data-testid="export-pdf"
                >
                  {t('file.exportPdf')}
                </a>
                <a
                  className="button button--secondary"
                  href={fileApi.exportUrl(pupilId, 'json')}
                  data-testid="export-json"
                >
                  {t('file.exportJson')}
                </a>
              </p>
            </Section>
          )}
        </div>
      </div>
    </main>
  );
}

export function Section({
  title,
  testId,
  anchor,
  children,
}: {
  title: string;
  testId: string;
  /** The id the table of contents links to. */
  anchor?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="section card file-section" aria-labelledby={id} data-testid={testId} id={anchor}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The sticky table of contents of the file's sections. */
function FileToc({ sections }: { sections: { anchor: string; label: string }[] }) {
  const { t } = useI18n();
  return (
    <nav className="file-toc" aria-label={t('file.toc')} data-testid="file-toc">
      <ol>
        {sections.map((section) => (
          <li key={section.anchor}>
            <a href={`#${section.anchor}`}>{section.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A form shown on demand: a button opens it in place and closes it again. */
function OnDemand({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="on-demand">
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        data-testid={testId}
      >
        {open ? t('file.closeForm') : label}
      </button>
      <div id={id} hidden={!open} className="on-demand__body">
        {open && children}
      </div>
    </div>
  );
}

function TrackRow({
  pupilId,
  track,
  canManage,
  run,
}: {
  pupilId: string;
  track: FileTrack;
  canManage: boolean;
  run: Run;
}) {
  const { t } = useI18n();
  const labels = useLabels();
  const [phase, setPhase] = useState(String(track.phase ?? 0));
  const [reason, setReason] = useState('');
  const label = labels.track(track.track);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () => fileApi.setPhase(pupilId, track.track, { phase: Number(phase), reason, version: track.version }),
      t('file.saved'),
    ).then((ok) => ok && setReason(''));
  };
  return (
    <li data-testid="file-track" data-track={track.track} data-phase={track.phase ?? ''}>
      <strong>{label}</strong>:{' '}
      {track.phase === null ? t('file.phase.none') : t(`file.phase.${track.phase}` as MessageKey)}
      {canManage && (
        <form className="file-inline-form" onSubmit={submit}>
          <select
            aria-label={`${t('file.phase')} ${label}`}
            value={phase}
            onChange={(e) => setPhase(e.target.value)}
            data-testid={`track-phase-${track.track}`}
          >
            {[0, 1, 2, 3].map((p) => (
              <option key={p} value={p}>
                {t(`file.phase.${p}` as MessageKey)}
              </option>
            ))}
          </select>
          <input
            aria-label={`${t('file.reason')} ${label}`}
            placeholder={t('file.reason')}
            required
            value={reason}
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
            data-testid={`track-reason-${track.track}`}
          />
          <button
            type="submit"
            className="button button--secondary button--small"
            data-testid={`track-save-${track.track}`}
          >
            {t('file.save')}
          </button>
        </form>
      )}
    </li>
  );
}

function PivotForm({ pupilId, pivot, run }: { pupilId: string; pivot: PupilFile['pivot']; run: Run }) {
  const { t } = useI18n();
  const { submit: send, problems, formError } = useFormRun(run, ['name', 'role', 'contact']);
  const [name, setName] = useState(pivot.name ?? '');
  const [role, setRole] = useState(pivot.role ?? '');
  const [contact, setContact] = useState(pivot.contact ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(() => fileApi.setPivot(pupilId, { name, role, contact, version: pivot.version }), t('file.saved'));
  };
  return (
    <form className="file-form" onSubmit={submit}>
      <TextField
        label={t('file.name')}
        value={name}
        onChange={setName}
        testId="pivot-name"
        required
        maxLength={200}
        problems={problems.name}
      />
      <TextField
        label={t('file.role')}
        value={role}
        onChange={setRole}
        testId="pivot-role"
        maxLength={200}
        problems={problems.role}
      />
      <TextField
        label={t('file.contact')}
        value={contact}
        onChange={setContact}
        testId="pivot-contact"
        maxLength={500}
        problems={problems.contact}
      />
      <FormError text={formError} />
      <button type="submit" className="button button--primary" data-testid="pivot-save">
        {t('file.save')}
      </button>
    </form>
  );
}

function PersonForm({ pupilId, run }: { pupilId: string; run: Run }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { submit: send, problems, formError } = useFormRun(run, ['relation', 'name', 'phone', 'email']);
  const [relation, setRelation] = useState('parent1');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(
      () =>
        fileApi.addPerson(pupilId, {
          relation,
          name,
          phone: phone || null,
          email: email || null,
          address: null,
          note: null,
        }),
      t('file.saved'),
    ).then((ok) => {
      if (ok) {
        setName('');
        setPhone('');
        setEmail('');
      }
    });
  };
  return (
    <form className="file-form" onSubmit={submit}>
      <Field label={t('file.relation')} problems={problems.relation}>
        {(id) => (
          <select id={id} value={relation} onChange={(e) => setRelation(e.target.value)} data-testid="person-relation">
            {RELATIONS.map((r) => (
              <option key={r} value={r}>
                {labels.relation(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        label={t('file.name')}
        value={name}
        onChange={setName}
        testId="person-name"
        required
        maxLength={200}
        problems={problems.name}
      />
      <TextField
        label={t('file.phone')}
        value={phone}
        onChange={setPhone}
        testId="person-phone"
        maxLength={100}
        problems={problems.phone}
      />
      <Field label={t('file.email')} problems={problems.email}>
        {(id) => (
          <input id={id} type="email" maxLength={200} value={email} onChange={(e) => setEmail(e.target.value)} />
        )}
      </Field>
      <FormError text={formError} />
      <button type="submit" className="button button--primary" data-testid="person-add">
        {t('file.addPerson')}
      </button>
    </form>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

function EntryForm({ file, pupilId, run }: { file: PupilFile; pupilId: string; run: Run }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const {
    submit: send,
    problems,
    formError,
  } = useFormRun(run, ['kind', 'occurredOn', 'who', 'what', 'effect', 'confidentiality', 'handlesSignal']);
  const kinds = file.kinds.filter((k) => !k.workflow);
  const [kind, setKind] = useState(kinds[0]?.id ?? 'other');
  const [occurredOn, setOccurredOn] = useState(today());
  const [who, setWho] = useState('');
  const [what, setWhat] = useState('');
  const [effect, setEffect] = useState('');
  const [level, setLevel] = useState<Confidentiality>(
    file.permissions.levels.includes('school+clb') ? 'school+clb' : (file.permissions.levels[0] ?? 'school'),
  );
  const [handles, setHandles] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const signal = file.openSignals.find((s) => String(s.id) === handles);
    void send(
      () =>
        fileApi.addEntry(pupilId, {
          kind,
          occurredOn,
          who,
          what,
          effect: effect || null,
          confidentiality: level,
          ...(signal ? { handlesSignal: { id: signal.id, version: signal.version } } : {}),
        }),
      t('file.entryAdded'),
    ).then((ok) => {
      if (ok) {
        setWhat('');
        setEffect('');
        setHandles('');
      }
    });
  };
  return (
    <form className="file-form" onSubmit={submit} data-testid="entry-form">
      <Field label={t('file.kind')} problems={problems.kind}>
        {(id) => (
          <select id={id} value={kind} onChange={(e) => setKind(e.target.value)} data-testid="entry-kind">
            {kinds.map((k) => (
              <option key={k.id} value={k.id}>
                {k[language]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        label={t('file.date')}
        value={occurredOn}
        onChange={setOccurredOn}
        testId="entry-date"
        type="date"
        required
        problems={problems.occurredOn}
      />
      <TextField
        label={t('file.who')}
        value={who}
        onChange={setWho}
        testId="entry-who"
        required
        maxLength={200}
        problems={problems.who}
      />
      <Field label={t('file.what')} problems={problems.what}>
        {(id) => (
          <textarea
            id={id}
            required
            rows={3}
            maxLength={10000}
            value={what}
            onChange={(e) => setWhat(e.target.value)}
            data-testid="entry-what"
          />
        )}
      </Field>
      <Field label={t('file.effect')} problems={problems.effect}>
        {(id) => (
          <textarea
            id={id}
            rows={2}
            maxLength={4000}
            value={effect}
            onChange={(e) => setEffect(e.target.value)}
            data-testid="entry-effect"
          />
        )}
      </Field>
      <Field label={t('file.level')} problems={problems.confidentiality}>
        {(id) => (
          <select
            id={id}
            value={level}
            onChange={(e) => setLevel(e.target.value as Confidentiality)}
            data-testid="entry-level"
          >
            {file.permissions.levels.map((l) => (
              <option key={l} value={l}>
                {t(`file.level.${l}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {file.openSignals.length > 0 && (
        <Field label={t('file.handlesSignal')} problems={problems.handlesSignal}>
          {(id) => (
            <select id={id} value={handles} onChange={(e) => setHandles(e.target.value)} data-testid="entry-handles">
              <option value="">{t('file.handlesNone')}</option>
              {file.openSignals.map((s) => (
                <option key={s.id} value={s.id}>
                  {labels.rule(s.ruleId)} · {formatDate(s.triggeredOn)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <FormError text={formError} />
      <button type="submit" className="button button--primary" data-testid="entry-submit">
        {t('file.addEntry')}
      </button>
    </form>
  );
}

function ClbSignalForm({ file, pupilId, run }: { file: PupilFile; pupilId: string; run: Run }) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const {
    submit: send,
    problems,
    formError,
  } = useFormRun(run, [...file.clbSignalFields.map((field) => `checklist.${field.id}`), 'noConversationReason']);
  const [answers, setAnswers] = useState<Record<string, string>>({ absenceCount: file.clbSignalDraft.absenceCount });
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(
      () => fileApi.signalClb(pupilId, { checklist: answers, ...(reason ? { noConversationReason: reason } : {}) }),
      t('file.clbSignalDone'),
    ).then((ok) => ok && setOpen(false));
  };
  return (
    <Section title={t('file.clbSignal')} testId="clb-signal">
      <p className="muted">{t('file.clbSignalHint')}</p>
      {!open ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => setOpen(true)}
          data-testid="clb-signal-open"
        >
          {t('file.clbSignalStart')}
        </button>
      ) : (
        <form className="file-form" onSubmit={submit} data-testid="clb-signal-form">
          {file.clbSignalFields.map((field) => (
            <Field key={field.id} label={field[language]} problems={problems[`checklist.${field.id}`]}>
              {(id) => (
                <textarea
                  id={id}
                  rows={2}
                  required
                  maxLength={4000}
                  value={answers[field.id] ?? ''}
                  onChange={(e) => setAnswers({ ...answers, [field.id]: e.target.value })}
                  data-testid={`clb-field-${field.id}`}
                />
              )}
            </Field>
          ))}
          <Field label={t('file.noConversationReason')} problems={problems.noConversationReason}>
            {(id) => <input id={id} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <FormError text={formError} />
          <button type="submit" className="button button--primary" data-testid="clb-signal-submit">
            {t('file.clbSignalSubmit')}
          </button>
        </form>
      )}
    </Section>
  );
}

function Timeline({
  pupilId,
  reload,
  kinds,
  canShare,
  children,
}: {
  pupilId: string;
  reload: number;
  /** The form to add a measure, opened on demand above the list. */
  children?: ReactNode;
  kinds: PupilFile['kinds'];
  /** The CLB doctor shares clb-arts entries by consent. */
  canShare: boolean;
}) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const [offset, setOffset] = useState(0);
  const [sources, setSources] = useState('');
  const [page, setPage] = useState<Paged<TimelineItem> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const sourcesId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` is the refresh trigger
  useEffect(() => {
    let cancelled = false;
    fileApi
      .timeline(pupilId, { limit: PAGE, offset, sources: sources || undefined })
      .then((loaded) => !cancelled && setPage(loaded))
      .catch((caught: unknown) => !cancelled && setError(caught));
    return () => {
      cancelled = true;
    };
  }, [pupilId, offset, sources, reload]);
  return (
    <Section title={t('file.timeline')} testId="file-timeline" anchor="file-timeline">
      {children}
      <div className="field field--inline">
        <label htmlFor={sourcesId}>{t('file.show')}</label>
        <select
          id={sourcesId}
          value={sources}
          onChange={(event) => {
            setSources(event.target.value);
            setOffset(0);
          }}
          data-testid="timeline-sources"
        >
          <option value="">{t('file.show.all')}</option>
          <option value="entry">{t('file.show.entry')}</option>
          <option value="signal">{t('file.show.signal')}</option>
          <option value="register">{t('file.show.register')}</option>
        </select>
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {page && page.total === 0 && <p className="muted">{t('file.empty')}</p>}
      {page && page.total > 0 && (
        <>
          <p className="muted" data-testid="timeline-total">
            {t('file.timelineTotal', { from: offset + 1, to: Math.min(page.total, offset + PAGE), total: page.total })}
          </p>
          <ol className="file-timeline">
            {page.items.map((item) => (
              <li
                key={`${item.source}:${item.id}`}
                className={`file-timeline__item file-timeline__item--${item.source}`}
                data-testid="timeline-item"
                data-source={item.source}
                data-kind={item.kind}
              >
                <span className="file-timeline__date">{formatDate(item.date)}</span>{' '}
                <strong>
                  {item.source === 'entry'
                    ? (kinds.find((k) => k.id === item.kind)?.[language] ?? labels.eventKind(item.kind))
                    : item.source === 'signal'
                      ? `${labels.timelineSource('signal')} · ${labels.rule(item.kind)}`
                      : labels.timelineSource(item.source)}
                </strong>
                {item.who && <span className="muted"> · {item.who}</span>}
                {item.status && <span className="badge"> {labels.status(item.status)}</span>}
                {item.what && (
                  <p className="file-timeline__what">
                    {item.source === 'register' ? labels.halfDaySummary(item.what) : item.what}
                  </p>
                )}
                {item.source === 'entry' && <WorkflowDetails kind={item.kind} details={item.details} />}
                {item.effect && (
                  <p className="muted">
                    {t('file.effect')}: {item.effect}
                  </p>
                )}
                {item.link && (
                  <span className="muted">
                    {item.link.startsWith('signal:')
                      ? t('file.linkedSignal', { id: item.link.slice('signal:'.length) })
                      : item.link}
                  </span>
                )}
                {item.confidentiality === 'clb-arts' &&
                  (canShare ? (
                    <FileConsents item="entry" id={Number(item.id)} />
                  ) : (
                    <span className="badge badge--obligation" data-testid="entry-shared">
                      {t('consent.shared')}
                    </span>
                  ))}
              </li>
            ))}
          </ol>
          <p className="file-actions">
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
              data-testid="timeline-previous"
            >
              {t('file.previous')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={offset + PAGE >= page.total}
              onClick={() => setOffset(offset + PAGE)}
              data-testid="timeline-next"
            >
              {t('file.next')}
            </button>
          </p>
        </>
      )}
    </Section>
  );
}

function Agreements({ file, pupilId, run, reload }: { file: PupilFile; pupilId: string; run: Run; reload: number }) {
  const add = useFormRun(run, ['what', 'who', 'dueOn', 'remindOn', 'checkNote', 'status']);
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Paged<Agreement> | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` is the refresh trigger
  useEffect(() => {
    let cancelled = false;
    fileApi.agreements(pupilId, { limit: PAGE, offset }).then((loaded) => !cancelled && setPage(loaded));
    return () => {
      cancelled = true;
    };
  }, [pupilId, offset, reload]);
  const items = page?.items ?? file.agreements.items;
  const total = page?.total ?? file.agreements.total;
  return (
    <Section title={t('file.agreements')} testId="file-agreements" anchor="file-agreements">
      {items.length === 0 && <p className="muted">{t('file.empty')}</p>}
      <ul className="file-list">
        {items.map((agreement) => (
          <AgreementRow
            key={`${agreement.id}:${agreement.version}`}
            agreement={agreement}
            canEdit={file.permissions.write}
            leadDays={file.reminderLeadDays}
            run={run}
          />
        ))}
      </ul>
      {total > PAGE && (
        <p className="file-actions">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            {t('file.previous')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={offset + PAGE >= total}
            onClick={() => setOffset(offset + PAGE)}
          >
            {t('file.next')}
          </button>
        </p>
      )}
      {file.permissions.write && (
        <OnDemand label={t('file.addAgreement')} testId="file-open-agreement">
          <AgreementForm
            submitLabel={t('file.addAgreement')}
            testPrefix="agreement"
            leadDays={file.reminderLeadDays}
            onSubmit={(input) => add.submit(() => fileApi.addAgreement(pupilId, input), t('file.saved'))}
            problems={add.problems}
            formError={add.formError}
          />
        </OnDemand>
      )}
    </Section>
  );
}

function AgreementRow({
  agreement,
  canEdit,
  leadDays,
  run,
}: {
  agreement: Agreement;
  canEdit: boolean;
  leadDays: number;
  run: Run;
}) {
  const { t } = useI18n();
  const labels = useLabels();
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState<Agreement | null>(null);
  const [version, setVersion] = useState(agreement.version);
  const save = async (input: AgreementInput) => {
    try {
      await fileApi.editAgreement(agreement.id, { ...input, version });
      setEditing(false);
      setConflict(null);
      return run(async () => undefined, t('file.saved'));
    } catch (caught) {
      const problem = conflictOf<Agreement>(caught);
      if (problem) {
        // Keep the user's text in the form; from now on save on top of the current version.
        setConflict(problem.current);
        setVersion(problem.current.version);
        return false;
      }
      return run(() => Promise.reject(caught), '');
    }
  };
  return (
    <li data-testid="agreement-row" data-agreement-id={agreement.id} data-version={agreement.version}>
      <span data-testid="agreement-text">
        {agreement.what} · {agreement.who} · {formatDate(agreement.dueOn)}
        {agreement.checkNote ? ` · ${agreement.checkNote}` : ''} · {labels.status(agreement.status)}
        {agreement.remindOn && agreement.status === 'open'
          ? ` · ${t('file.agreementRemindsOn', { date: formatDate(agreement.remindOn) })}`
          : ''}
      </span>
      {canEdit && !editing && (
        <button
          type="button"
          className="button button--link"
          onClick={() => setEditing(true)}
          data-testid="agreement-edit"
        >
          {t('file.edit')}
        </button>
      )}
      {conflict && (
        <p className="alert alert--error" role="alert" data-testid="agreement-conflict">
          {t('file.conflict', {
            version: conflict.version,
            what: conflict.what,
            who: conflict.who,
            due: formatDate(conflict.dueOn),
          })}
        </p>
      )}
      {editing && (
        <AgreementForm
          initial={agreement}
          submitLabel={t('file.save')}
          testPrefix="agreement-edit"
          leadDays={leadDays}
          onSubmit={save}
          onCancel={() => {
            setEditing(false);
            setConflict(null);
          }}
        />
      )}
    </li>
  );
}

function AgreementForm({
  initial,
  submitLabel,
  testPrefix,
  leadDays,
  onSubmit,
  onCancel,
  problems = {},
  formError = null,
}: {
  initial?: Agreement;
  submitLabel: string;
  testPrefix: string;
  leadDays: number;
  onSubmit: (input: AgreementInput) => Promise<boolean>;
  onCancel?: () => void;
  /** The server's problems per field (what, who, dueOn, remindOn, checkNote, status) and the rest. */
  problems?: Record<string, string[]>;
  formError?: string | null;
}) {
  const { t } = useI18n();
  const labels = useLabels();
  const [what, setWhat] = useState(initial?.what ?? '');
  const [who, setWho] = useState(initial?.who ?? '');
  const [dueOn, setDueOn] = useState(initial?.dueOn ?? '');
  const [remindOn, setRemindOn] = useState(initial?.remindOn ?? '');
  const [checkNote, setCheckNote] = useState(initial?.checkNote ?? '');
  const [status, setStatus] = useState<Agreement['status']>(initial?.status ?? 'open');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit({ what, who, dueOn, remindOn: remindOn || null, checkNote: checkNote || null, status }).then((ok) => {
      if (ok && !initial) {
        setWhat('');
        setWho('');
        setDueOn('');
        setRemindOn('');
        setCheckNote('');
      }
    });
  };
  return (
    <form className="file-form" onSubmit={submit} data-testid={`${testPrefix}-form`}>
      <TextField
        label={t('file.agreementWhat')}
        value={what}
        onChange={setWhat}
        testId={`${testPrefix}-what`}
        problems={problems.what}
        required
        maxLength={2000}
      />
      <TextField
        label={t('file.agreementWho')}
        value={who}
        onChange={setWho}
        testId={`${testPrefix}-who`}
        problems={problems.who}
        required
        maxLength={200}
      />
      <TextField
        label={t('file.agreementDue')}
        value={dueOn}
        onChange={setDueOn}
        testId={`${testPrefix}-due`}
        problems={problems.dueOn}
        type="date"
        required
      />
      <TextField
        label={t('file.agreementRemind', { days: leadDays })}
        value={remindOn}
        onChange={setRemindOn}
        testId={`${testPrefix}-remind`}
        problems={problems.remindOn}
        type="date"
        max={dueOn || undefined}
      />
      <TextField
        label={t('file.agreementCheck')}
        value={checkNote}
        onChange={setCheckNote}
        testId={`${testPrefix}-check`}
        problems={problems.checkNote}
        maxLength={2000}
      />
      {initial && (
        <Field label={t('file.agreementStatus')} problems={problems.status}>
          {(id) => (
            <select
              id={id}
              value={status}
              onChange={(e) => setStatus(e.target.value as Agreement['status'])}
              data-testid={`${testPrefix}-status`}
            >
              {(['open', 'done', 'dropped'] as const).map((s) => (
                <option key={s} value={s}>
                  {labels.status(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <FormError text={formError} />
      <p className="file-actions">
        <button type="submit" className="button button--primary" data-testid={`${testPrefix}-save`}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('file.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}
