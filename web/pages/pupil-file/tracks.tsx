// One track of the care continuum (zorgcontinuüm) with its phase and, for a manager, the form to change it.
import { type FormEvent, useState } from 'react';
import { type FileTrack, fileApi } from '../../api/pupil-file-client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLabels } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/nl.ts';
import type { Run } from './form-run.tsx';

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
