// A letter to the pupil's parents (issue 19): the kind, PDF or DOCX, the period it counts in, and for an
// invitation the moment and place. The server fills the school's template, records the letter in the timeline
// (a contact with the parents) and answers the file, which the browser downloads.
import { type FormEvent, useState } from 'react';
import { LETTER_DEFAULTS, LETTER_KINDS, type LetterKind } from '../../../src/domain/letters/letters.ts';
import { notifyApi, saveFile } from '../../api/notify-client.ts';
import { Field, TextField } from '../../components/form-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { FormError, type Run, useFormRun } from './form-run.tsx';

export function LetterForm({ pupilId, run }: { pupilId: string; run: Run }) {
  const { t, language } = useI18n();
  const {
    submit: send,
    problems,
    formError,
  } = useFormRun(run, ['kind', 'format', 'from', 'until', 'meetingAt', 'meetingPlace']);
  const [kind, setKind] = useState<LetterKind>('unjustified-absence');
  const [format, setFormat] = useState<'pdf' | 'docx'>('pdf');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [meetingAt, setMeetingAt] = useState('');
  const [meetingPlace, setMeetingPlace] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(async () => {
      const file = await notifyApi.letter(pupilId, {
        kind,
        format,
        ...(from ? { from } : {}),
        ...(until ? { until } : {}),
        ...(kind === 'invitation' ? { meetingAt, meetingPlace } : {}),
      });
      saveFile(file);
    }, t('letter.made'));
  };
  return (
    <form className="file-form" onSubmit={submit} data-testid="letter-form">
      <p className="muted">{t('letter.hint')}</p>
      <Field label={t('letter.kind')} problems={problems.kind}>
        {(id) => (
          <select
            id={id}
            value={kind}
            onChange={(e) => setKind(e.target.value as LetterKind)}
            data-testid="letter-kind"
          >
            {LETTER_KINDS.map((k) => (
              <option key={k} value={k}>
                {LETTER_DEFAULTS[k][language]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('letter.format')} problems={problems.format}>
        {(id) => (
          <select
            id={id}
            value={format}
            onChange={(e) => setFormat(e.target.value as 'pdf' | 'docx')}
            data-testid="letter-format"
          >
            <option value="pdf">PDF</option>
            <option value="docx">DOCX (Word)</option>
          </select>
        )}
      </Field>
      <TextField
        label={t('letter.from')}
        type="date"
        value={from}
        onChange={setFrom}
        testId="letter-from"
        problems={problems.from}
      />
      <TextField
        label={t('letter.until')}
        type="date"
        value={until}
        onChange={setUntil}
        testId="letter-until"
        problems={problems.until}
      />
      {kind === 'invitation' && (
        <>
          <TextField
            label={t('letter.meetingAt')}
            value={meetingAt}
            onChange={setMeetingAt}
            testId="letter-meeting-at"
            required
            maxLength={200}
            problems={problems.meetingAt}
          />
          <TextField
            label={t('letter.meetingPlace')}
            value={meetingPlace}
            onChange={setMeetingPlace}
            testId="letter-meeting-place"
            maxLength={200}
            problems={problems.meetingPlace}
          />
        </>
      )}
      <FormError text={formError} />
      <button type="submit" className="button button--primary" data-testid="letter-submit">
        {t('letter.make')}
      </button>
    </form>
  );
}
