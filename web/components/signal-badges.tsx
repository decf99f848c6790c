// Small labels shared by the attention list and the pupil page: obligation level and follow-up status.
import type { SignalStatus } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';
import { LEGAL_OBLIGATIONS } from '../pages/attention-query.ts';

const OBLIGATIONS = ['legal', 'legal-consequence', 'duty', 'guidance', 'practice', 'regulation'];

export function ObligationBadge({ obligation }: { obligation: string }) {
  const { t } = useI18n();
  const legal = LEGAL_OBLIGATIONS.includes(obligation);
  const label = OBLIGATIONS.includes(obligation) ? t(`obligation.${obligation}` as MessageKey) : obligation;
  return (
    <span
      className={`badge ${legal ? 'badge--legal' : 'badge--obligation'}`}
      title={t('obligation.label')}
      data-testid="obligation"
      data-obligation={obligation}
    >
      {legal && (
        <span aria-hidden="true" className="badge__icon">
          §
        </span>
      )}
      {label}
    </span>
  );
}

export function SignalStatusBadge({ status }: { status: SignalStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--status-${status}`} data-testid="signal-status" data-status={status}>
      {t(`signalStatus.${status}`)}
    </span>
  );
}
