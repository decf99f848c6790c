// A measure on the timeline, optionally handling one of the pupil's open signals.
import { type FormEvent, useState } from 'react';
import { type Confidentiality, fileApi, type PupilFile } from '../../api/pupil-file-client.ts';
import { Field, TextField } from '../../components/form-field.tsx';
import { formatDate } from '../../dates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLabels } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/nl.ts';
import { FormError, type Run, useFormRun } from './form-run.tsx';

const today = () => new Date().toISOString().slice(0, 10);

export function EntryForm({ file, pupilId, run }: { file: PupilFile; pupilId: string; run: Run }) {
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
