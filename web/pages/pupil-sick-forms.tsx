// The forms of "Onderwijs voor zieke leerlingen" (issue 14): record a stay, a provision's checklist and that the
// parents were informed. The server keeps the checklist in order and answers in Dutch when it refuses.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import {
  type InformationInput,
  type ProvisionInput,
  type SickPupilOverview,
  type StayInput,
  sickPupilApi,
} from '../api/medical-client.ts';
import { Field, TextField } from '../components/form-field.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';

type Done = (notice: { tone: 'success' | 'error'; text: string }) => void;

function useSave<T>(work: (input: T) => Promise<unknown>, onDone: Done) {
  const { t, language } = useI18n();
  const mutation = useMutation({ mutationFn: work });
  const save = (input: T) =>
    mutation.mutate(input, {
      onSuccess: () => onDone({ tone: 'success', text: t('sick.saved') }),
      onError: (e) => onDone({ tone: 'error', text: errorMessage(e, language, t('app.error')) }),
    });
  return { save, busy: mutation.isPending };
}

export function StayForm({ pupilId, onDone }: { pupilId: number | string; onDone: Done }) {
  const { t } = useI18n();
  const [stay, setStay] = useState<StayInput>({
    setting: 'type-5',
    settingName: '',
    from: '',
    to: null,
    contactPlan: '',
    contactEveryDays: 7,
    dischargeInformant: '',
    homeSupport: null,
  });
  const set = (change: Partial<StayInput>) => setStay((s) => ({ ...s, ...change }));
  const { save, busy } = useSave((input: StayInput) => sickPupilApi.addStay(pupilId, input), onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(stay);
  };
  return (
    <details className="elsewhere">
      <summary>{t('sick.addStay')}</summary>
      <form className="file-form" onSubmit={submit} data-testid="stay-form">
        <Field label={t('sick.setting')}>
          {(id) => (
            <select
              id={id}
              value={stay.setting}
              onChange={(e) => set({ setting: e.target.value as StayInput['setting'] })}
            >
              {(['type-5', 'k-dienst', 'ziekenhuis'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`sick.setting.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label={t('sick.settingName')}
          value={stay.settingName}
          onChange={(settingName) => set({ settingName })}
          required
          maxLength={200}
          testId="stay-name"
        />
        <TextField
          label={t('medical.from')}
          type="date"
          value={stay.from}
          onChange={(from) => set({ from })}
          required
          testId="stay-from"
        />
        <TextField
          label={t('sick.contactPlan')}
          value={stay.contactPlan}
          onChange={(contactPlan) => set({ contactPlan })}
          required
          maxLength={2000}
          testId="stay-plan"
        />
        <Field label={t('sick.contactEveryDays')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={1}
              max={90}
              value={stay.contactEveryDays}
              onChange={(e) => set({ contactEveryDays: Number(e.target.value) })}
            />
          )}
        </Field>
        <TextField
          label={t('sick.dischargeInformant')}
          value={stay.dischargeInformant}
          onChange={(dischargeInformant) => set({ dischargeInformant })}
          required
          maxLength={200}
          testId="stay-informant"
        />
        <TextField
          label={t('sick.homeSupport')}
          value={stay.homeSupport ?? ''}
          onChange={(homeSupport) => set({ homeSupport: homeSupport || null })}
          maxLength={2000}
        />
        <div className="file-actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="stay-save">
            {t('sick.addStay')}
          </button>
        </div>
      </form>
    </details>
  );
}

type Provision = SickPupilOverview['provisions'][number];

/** Adds a provision, or with `current` updates that provision's checklist (version-checked). */
export function ProvisionForm({
  pupilId,
  current,
  onDone,
}: {
  pupilId: number | string;
  current?: Provision;
  onDone: Done;
}) {
  const { t } = useI18n();
  const [p, setP] = useState<ProvisionInput>({
    kind: current?.kind ?? 'toah',
    conditionsCheckedOn: current?.conditionsCheckedOn ?? null,
    requestSentOn: current?.requestSentOn ?? null,
    answer: current?.answer ?? null,
    answerOn: current?.answerOn ?? null,
    startOn: current?.startOn ?? null,
    endOn: current?.endOn ?? null,
    hoursPerWeek: current?.hoursPerWeek ?? null,
  });
  const set = (change: Partial<ProvisionInput>) => setP((x) => ({ ...x, ...change }));
  const date = (name: keyof ProvisionInput, label: MessageKey) => (
    <TextField
      label={t(label)}
      type="date"
      value={(p[name] as string | null) ?? ''}
      onChange={(value) => set({ [name]: value || null } as Partial<ProvisionInput>)}
    />
  );
  const { save, busy } = useSave(
    (input: ProvisionInput) =>
      current
        ? sickPupilApi.changeProvision(current.id, { ...input, version: current.version })
        : sickPupilApi.addProvision(pupilId, input),
    onDone,
  );
  const action = current ? t('sick.changeProvision') : t('sick.addProvision');
  return (
    <details className="elsewhere">
      <summary>{action}</summary>
      <form
        className="file-form"
        onSubmit={(event) => {
          event.preventDefault();
          save(p);
        }}
        data-testid={current ? `provision-change-${current.id}` : 'provision-form'}
      >
        <Field label={t('sick.provisionKind')}>
          {(id) => (
            <select
              id={id}
              value={p.kind}
              disabled={current !== undefined}
              onChange={(e) => set({ kind: e.target.value as ProvisionInput['kind'] })}
            >
              {(['toah', 'sio-bednet', 'school-en-ziek-zijn'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`sick.provision.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {date('conditionsCheckedOn', 'sick.conditionsCheckedOn')}
        {date('requestSentOn', 'sick.requestSentOn')}
        <Field label={t('sick.answer')}>
          {(id) => (
            <select
              id={id}
              value={p.answer ?? ''}
              onChange={(e) => set({ answer: (e.target.value || null) as ProvisionInput['answer'] })}
            >
              <option value="">—</option>
              <option value="toegekend">{t('sick.granted')}</option>
              <option value="geweigerd">{t('sick.provisionRefused')}</option>
            </select>
          )}
        </Field>
        {date('answerOn', 'sick.answerOn')}
        {date('startOn', 'sick.startOn')}
        {current && date('endOn', 'sick.endOn')}
        <Field label={t('sick.hoursPerWeek')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={0}
              max={40}
              step={0.5}
              value={p.hoursPerWeek ?? ''}
              onChange={(e) => set({ hoursPerWeek: e.target.value === '' ? null : Number(e.target.value) })}
            />
          )}
        </Field>
        <div className="file-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {action}
          </button>
        </div>
      </form>
    </details>
  );
}

export function InformationForm({
  pupilId,
  current,
  onDone,
}: {
  pupilId: number | string;
  current: SickPupilOverview['information'];
  onDone: Done;
}) {
  const { t } = useI18n();
  const [info, setInfo] = useState<InformationInput>({
    parentsInformedOn: current?.parentsInformedOn ?? null,
    informedHow: current?.informedHow ?? null,
    chronic: current?.chronic ?? false,
    distanceKm: current?.distanceKm ?? null,
    specialEducation: current?.specialEducation ?? false,
    version: current?.version ?? 0,
  });
  const set = (change: Partial<InformationInput>) => setInfo((x) => ({ ...x, ...change }));
  const { save, busy } = useSave((input: InformationInput) => sickPupilApi.writeInformation(pupilId, input), onDone);
  return (
    <details className="elsewhere">
      <summary>{t('sick.editInformation')}</summary>
      <form
        className="file-form"
        onSubmit={(event) => {
          event.preventDefault();
          save(info);
        }}
        data-testid="information-form"
      >
        <TextField
          label={t('sick.informed')}
          type="date"
          value={info.parentsInformedOn ?? ''}
          onChange={(v) => set({ parentsInformedOn: v || null })}
        />
        <TextField
          label={t('sick.informedHow')}
          value={info.informedHow ?? ''}
          onChange={(v) => set({ informedHow: v || null })}
          maxLength={200}
        />
        <label className="checkbox">
          <input type="checkbox" checked={info.chronic} onChange={(e) => set({ chronic: e.target.checked })} />
          {t('sick.chronic')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={info.specialEducation}
            onChange={(e) => set({ specialEducation: e.target.checked })}
          />
          {t('sick.specialEducation')}
        </label>
        <Field label={t('sick.distanceKm')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={0}
              step={0.5}
              value={info.distanceKm ?? ''}
              onChange={(e) => set({ distanceKm: e.target.value === '' ? null : Number(e.target.value) })}
            />
          )}
        </Field>
        <div className="file-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('sick.editInformation')}
          </button>
        </div>
      </form>
    </details>
  );
}

type Stay = SickPupilOverview['stays'][number];

/** The discharge date of a running stay, reported by whoever the stay names (version-checked). */
export function DischargeForm({ stay, onDone }: { stay: Stay; onDone: Done }) {
  const { t } = useI18n();
  const [to, setTo] = useState('');
  const { save, busy } = useSave(
    (on: string) => sickPupilApi.discharge(stay.id, { to: on, version: stay.version }),
    onDone,
  );
  return (
    <details className="elsewhere">
      <summary>{t('sick.discharge', { name: stay.settingName })}</summary>
      <form
        className="file-form"
        onSubmit={(event) => {
          event.preventDefault();
          save(to);
        }}
        data-testid={`discharge-form-${stay.id}`}
      >
        <TextField label={t('sick.dischargeOn')} type="date" value={to} onChange={setTo} required />
        <div className="file-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('sick.dischargeSave')}
          </button>
        </div>
      </form>
    </details>
  );
}
