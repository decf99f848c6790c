// One track of the care continuum (zorgcontinuüm) with its phase and, for a manager, the form to change it.
import { type FormEvent, useState } from 'react';
import { phase2Api } from '../../api/phase2-client.ts';
import type { FileTrack } from '../../api/pupil-file-client.ts';
import { Field } from '../../components/form-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLabels } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/nl.ts';
import { FormError, type Run, useFormRun } from './form-run.tsx';

export function TrackRow({
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
  // The move into phase 2 asks the §2.2 update and, without the CLB involved, a reason (phase2-routes.service.ts).
  const [whatWasDone, setWhatWasDone] = useState('');
  const [noClbReason, setNoClbReason] = useState('');
  const toPhase2 = phase === '2' && track.phase !== 2;
  const { submit: send, problems, formError } = useFormRun(run, ['whatWasDone', 'noClbReason']);
  const label = labels.track(track.track);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const change = { phase: Number(phase), reason, version: track.version };
    void send(
      () =>
        phase2Api.movePhase(
          pupilId,
          track.track,
          toPhase2 ? { ...change, whatWasDone, ...(noClbReason ? { noClbReason } : {}) } : change,
        ),
      t('file.saved'),
    ).then((ok) => {
      if (!ok) return;
      setReason('');
      setWhatWasDone('');
      setNoClbReason('');
    });
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
          {toPhase2 && (
            <div className="file-form" data-testid={`track-phase2-${track.track}`}>
              <p className="muted">{t('p2.move.hint')}</p>
              <Field label={t('p2.move.whatWasDone')} problems={problems.whatWasDone}>
                {(id) => (
                  <textarea
                    id={id}
                    rows={2}
                    maxLength={4000}
                    value={whatWasDone}
                    onChange={(e) => setWhatWasDone(e.target.value)}
                    data-testid={`track-done-${track.track}`}
                  />
                )}
              </Field>
              <Field label={t('p2.move.noClbReason')} problems={problems.noClbReason}>
                {(id) => (
                  <input
                    id={id}
                    maxLength={2000}
                    value={noClbReason}
                    onChange={(e) => setNoClbReason(e.target.value)}
                    data-testid={`track-noclb-${track.track}`}
                  />
                )}
              </Field>
            </div>
          )}
          <FormError text={formError} testId={`track-error-${track.track}`} />
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
