// The pupil page's "Onderwijs voor zieke leerlingen" (issue 14): the TOAH and Bednet/SIO entitlement computed from
// the register and the certificates, stays in hospital / type 5 / K-dienst, the provisions' checklists and whether
// the parents were informed individually. Left out for a role that may not read health data (403).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { sickPupilOverview } from '../api/medical-client.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';
import { DischargeForm, InformationForm, ProvisionForm, StayForm } from './pupil-sick-forms.tsx';

export function PupilSick({ pupilId }: { pupilId: number | string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const done = (n: { tone: 'success' | 'error'; text: string }) => {
    setNotice(n);
    void queryClient.invalidateQueries({ queryKey: ['pupil', String(pupilId)] });
  };
  const query = useQuery({
    queryKey: ['pupil', String(pupilId), 'sick-pupil'],
    queryFn: () => sickPupilOverview(pupilId),
  });
  if (query.error instanceof ApiError && query.error.status === 403) return null;
  const data = query.data;
  const entitlementText = (e: { entitled: boolean; from: string | null }) =>
    e.entitled ? t('sick.entitledFrom', { date: formatDate(e.from) }) : t('sick.notEntitled');
  return (
    <section aria-labelledby="sick-title" className="section" data-testid="pupil-sick">
      <h2 id="sick-title">{t('sick.title')}</h2>
      {query.isPending && <Loading />}
      {query.error && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <>
          <dl className="facts">
            <dt>{t('sick.toah')}</dt>
            <dd data-testid="sick-toah">
              {entitlementText(data.entitlement.toah)}
              {data.entitlement.toah.withinDistance === false &&
                ` · ${t('sick.beyondDistance', { km: data.entitlement.toah.distanceLimitKm })}`}
            </dd>
            <dt>{t('sick.sio')}</dt>
            <dd data-testid="sick-sio">{entitlementText(data.entitlement.sio)}</dd>
            <dt>{t('sick.illness')}</dt>
            <dd>
              {t('sick.illnessFacts', {
                days: data.entitlement.longestIllnessDays,
                halfDays: data.entitlement.illnessHalfDays,
              })}
            </dd>
            <dt>{t('sick.informed')}</dt>
            <dd data-testid="sick-informed">
              {data.information?.parentsInformedOn
                ? `${formatDate(data.information.parentsInformedOn)}${data.information.informedHow ? ` · ${data.information.informedHow}` : ''}`
                : t('sick.notInformed')}
            </dd>
          </dl>
          {data.stays.length > 0 && (
            <ul data-testid="sick-stays">
              {data.stays.map((s) => (
                <li key={s.id}>
                  {t(`sick.setting.${s.setting}` as MessageKey)} {s.settingName}: {formatDate(s.from)} –{' '}
                  {s.to ? formatDate(s.to) : t('sick.ongoing')} · {t('sick.dischargeBy', { who: s.dischargeInformant })}
                  {s.returnChecklistOn && ` · ${t('sick.returnChecklist', { date: formatDate(s.returnChecklistOn) })}`}
                </li>
              ))}
            </ul>
          )}
          {data.provisions.length > 0 && (
            <ul data-testid="sick-provisions">
              {data.provisions.map((p) => (
                <li key={p.id}>
                  {t(`sick.provision.${p.kind}` as MessageKey)}:{' '}
                  {p.answer === 'toegekend' && p.startOn
                    ? t('sick.provisionRunning', { date: formatDate(p.startOn), hours: p.hoursPerWeek ?? '—' })
                    : p.answer === 'geweigerd'
                      ? t('sick.provisionRefused')
                      : p.requestSentOn
                        ? t('sick.provisionRequested', { date: formatDate(p.requestSentOn) })
                        : t('sick.provisionChecking')}
                  {p.endOn && ` · ${t('sick.provisionEnds', { date: formatDate(p.endOn) })}`}
                </li>
              ))}
            </ul>
          )}
          {notice && (
            <p className={`alert alert--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
              {notice.text}
            </p>
          )}
          {data.mayWrite && (
            <>
              {data.stays
                .filter((s) => s.to === null)
                .map((s) => (
                  <DischargeForm key={`${s.id}-${s.version}`} stay={s} onDone={done} />
                ))}
              {data.provisions.map((p) => (
                <ProvisionForm key={`${p.id}-${p.version}`} pupilId={pupilId} current={p} onDone={done} />
              ))}
              <StayForm pupilId={pupilId} onDone={done} />
              <ProvisionForm pupilId={pupilId} onDone={done} />
              <InformationForm
                key={data.information?.version ?? 0}
                pupilId={pupilId}
                current={data.information}
                onDone={done}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
