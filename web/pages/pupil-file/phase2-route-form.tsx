// The phase-2 routes' forms (seed 000:78-165, 001:663-706, 003:412-517): each form is a list of fields; the server
// checks the preconditions and every problem it names is shown next to its field (the file's facts — CLB involved,
// CLB consulted, contact attempts — stand as their own rows with their problems).
import { type FormEvent, type ReactNode, useState } from 'react';
import {
  M_DOCUMENT_DESTINATIONS,
  M_DOCUMENT_GROUNDS,
  NRTJ_SECTORS,
  PHASE2_FIELDS,
  POLICE_GROUND_CHOICES,
  TRUANCY_REGISTRATIONS,
} from '../../../src/domain/pupil-file/workflows/index.ts';
import { type Phase2Overview, phase2Api } from '../../api/phase2-client.ts';
import { Field } from '../../components/form-field.tsx';
import { formatDate } from '../../dates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Run } from './form-run.tsx';
import { FieldProblems, ProblemList, SubmitButton, saved, useWorkflow, WIDE } from './workflow-form.tsx';

export type Phase2RouteName = 'mDocument' | 'agodi' | 'agodiLetter' | 'nrtj' | 'truancyPlan' | 'police';

type FieldName = keyof typeof PHASE2_FIELDS;
type Choice = { id: string; nl: string; en: string };
type Value = string | boolean | string[];
type Values = Record<string, Value>;

type FieldSpec =
  | { name: FieldName; type: 'text' | 'textarea' | 'date' | 'checkbox' }
  | { name: FieldName; type: 'radio' | 'checks'; choices: readonly Choice[] }
  | { name: FieldName; type: 'fact'; fact: (o: Phase2Overview) => boolean }
  | { name: FieldName; type: 'select'; choices: (o: Phase2Overview) => Choice[] }
  | { name: FieldName; type: 'group'; members: FieldName[] };

interface RouteSpec {
  fields: FieldSpec[];
  send: (pupilId: string, values: Values) => Promise<unknown>;
}

const str = (values: Values, name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
/** Strings only when filled, so an empty field is reported as missing by the server's check. */
const body = (values: Values, names: string[]) =>
  Object.fromEntries(
    names
      .filter((n) => values[n] !== undefined && values[n] !== '')
      .map((n) => [n, n === 'reportEntryId' ? Number(values[n]) : values[n]]),
  );

const SPECS: Record<Phase2RouteName, RouteSpec> = {
  mDocument: {
    fields: [
      { name: 'clbInvolvement', type: 'fact', fact: (o) => o.facts.clbInvolved },
      { name: 'destination', type: 'radio', choices: M_DOCUMENT_DESTINATIONS },
      { name: 'grounds', type: 'checks', choices: M_DOCUMENT_GROUNDS },
      { name: 'groundsExplanation', type: 'textarea' },
      { name: 'integrityAtRisk', type: 'checkbox' },
      { name: 'integrityFacts', type: 'textarea' },
      { name: 'questionClarification', type: 'textarea' },
      { name: 'consultOn', type: 'date' },
      { name: 'consultOutcome', type: 'textarea' },
      { name: 'truancyPlanAttached', type: 'checkbox' },
    ],
    send: (pupilId, v) =>
      phase2Api.mDocument(
        pupilId,
        body(v, [
          'destination',
          'grounds',
          'groundsExplanation',
          'integrityAtRisk',
          'integrityFacts',
          'questionClarification',
          'consultOn',
          'consultOutcome',
          'truancyPlanAttached',
        ]),
      ),
  },
  agodi: {
    fields: [
      { name: 'schoolEfforts', type: 'textarea' },
      { name: 'clbEfforts', type: 'textarea' },
      { name: 'situation', type: 'textarea' },
    ],
    send: (pupilId, v) => phase2Api.agodiReport(pupilId, body(v, ['schoolEfforts', 'clbEfforts', 'situation'])),
  },
  agodiLetter: {
    fields: [
      {
        name: 'reportEntryId',
        type: 'select',
        choices: (o) =>
          o.facts.agodiReports.map((r) => ({
            id: String(r.entryId),
            nl: `Melding van ${formatDate(r.occurredOn)}`,
            en: `Report of ${formatDate(r.occurredOn)}`,
          })),
      },
      { name: 'receivedOn', type: 'date' },
      { name: 'copies', type: 'group', members: ['copyToSchool', 'copyToClb'] },
      { name: 'note', type: 'textarea' },
    ],
    send: (pupilId, v) =>
      phase2Api.agodiLetterCopy(pupilId, body(v, ['reportEntryId', 'receivedOn', 'copyToSchool', 'copyToClb', 'note'])),
  },
  nrtj: {
    fields: [
      { name: 'clbInvolvement', type: 'fact', fact: (o) => o.facts.clbInvolved },
      { name: 'sector', type: 'radio', choices: NRTJ_SECTORS },
      { name: 'submittedOn', type: 'date' },
      { name: 'motivation', type: 'textarea' },
      { name: 'familyInvolvement', type: 'textarea' },
    ],
    send: (pupilId, v) =>
      phase2Api.nrtjReferral(pupilId, body(v, ['sector', 'submittedOn', 'motivation', 'familyInvolvement'])),
  },
  truancyPlan: {
    fields: [
      { name: 'clbConsultation', type: 'fact', fact: (o) => o.facts.clbConsultations > 0 },
      { name: 'registration', type: 'radio', choices: TRUANCY_REGISTRATIONS },
      { name: 'registeredOn', type: 'date' },
      { name: 'policeZone', type: 'text' },
      { name: 'agreements', type: 'textarea' },
    ],
    send: (pupilId, v) =>
      phase2Api.truancyActionPlan(pupilId, body(v, ['registration', 'registeredOn', 'policeZone', 'agreements'])),
  },
  police: {
    fields: [
      { name: 'clbConsultation', type: 'fact', fact: (o) => o.facts.clbConsultations > 0 },
      { name: 'ground', type: 'radio', choices: POLICE_GROUND_CHOICES },
      { name: 'unwillingnessFacts', type: 'textarea' },
      { name: 'notPowerlessness', type: 'checkbox' },
      { name: 'lastKnownAddress', type: 'text' },
      { name: 'lastSeenOn', type: 'date' },
      { name: 'attemptsSummary', type: 'textarea' },
      { name: 'contactAttempts', type: 'fact', fact: () => true },
    ],
    send: (pupilId, v) =>
      phase2Api.policeReport(pupilId, {
        ground: str(v, 'ground'),
        ...body(v, ['unwillingnessFacts', 'notPowerlessness']),
        ...(v.ground === 'total-unreachability'
          ? { unreachability: body(v, ['lastKnownAddress', 'lastSeenOn', 'attemptsSummary']) }
          : {}),
      }),
  },
};

/** The police form shows the fiche onbereikbaarheid's fields only for that ground, the others only for unwillingness. */
const UNREACHABILITY: readonly string[] = ['lastKnownAddress', 'lastSeenOn', 'attemptsSummary', 'contactAttempts'];
const UNWILLINGNESS: readonly string[] = ['unwillingnessFacts', 'notPowerlessness'];
function shown(route: Phase2RouteName, name: string, values: Values) {
  if (route !== 'police') return true;
  if (UNREACHABILITY.includes(name)) return values.ground === 'total-unreachability';
  if (UNWILLINGNESS.includes(name)) return values.ground === 'manifest-unwillingness';
  return true;
}

export function Phase2RouteForm({
  route,
  pupilId,
  overview,
  run,
  onDone,
}: {
  route: Phase2RouteName;
  pupilId: string;
  overview: Phase2Overview;
  run: Run;
  onDone: () => void;
}) {
  const { t, language } = useI18n();
  const { problems, busy, submit, error } = useWorkflow(run, onDone);
  const [values, setValues] = useState<Values>({});
  const spec = SPECS[route];
  const set = (name: string, value: Value) => setValues({ ...values, [name]: value });
  const label = (name: FieldName) => PHASE2_FIELDS[name][language];
  const testId = (name: string) => `p2-${route}-${name}`;
  const send = (event: FormEvent) => {
    event.preventDefault();
    void submit(() => spec.send(pupilId, values), saved(t, route));
  };
  const render = (field: FieldSpec): ReactNode => {
    const here = <FieldProblems problems={problems} field={field.name} />;
    switch (field.type) {
      case 'fact':
        return (
          <div className="field" key={field.name} data-testid={testId(field.name)}>
            <p>
              <strong>{label(field.name)}</strong>
              {field.name !== 'contactAttempts' && `: ${field.fact(overview) ? t('p2.yes') : t('p2.no')}`}
            </p>
            {here}
          </div>
        );
      case 'radio':
      case 'checks':
        return (
          <fieldset className="field" key={field.name} data-testid={testId(field.name)}>
            <legend>{label(field.name)}</legend>
            {field.choices.map((choice) => {
              const chosen = values[field.name];
              const checked =
                field.type === 'radio' ? chosen === choice.id : Array.isArray(chosen) && chosen.includes(choice.id);
              return (
                <label key={choice.id} style={{ display: 'block', fontWeight: 'normal' }}>
                  <input
                    type={field.type === 'radio' ? 'radio' : 'checkbox'}
                    name={testId(field.name)}
                    checked={checked}
                    onChange={(e) => {
                      if (field.type === 'radio') return set(field.name, choice.id);
                      const list = Array.isArray(chosen) ? chosen : [];
                      set(field.name, e.target.checked ? [...list, choice.id] : list.filter((id) => id !== choice.id));
                    }}
                    data-testid={`${testId(field.name)}-${choice.id}`}
                  />{' '}
                  {choice[language]}
                </label>
              );
            })}
            {here}
          </fieldset>
        );
      case 'group':
        return (
          <fieldset className="field" key={field.name} data-testid={testId(field.name)}>
            <legend>{label(field.name)}</legend>
            {field.members.map((member) => (
              <label key={member} style={{ display: 'block', fontWeight: 'normal' }}>
                <input
                  type="checkbox"
                  checked={values[member] === true}
                  onChange={(e) => set(member, e.target.checked)}
                  data-testid={testId(member)}
                />{' '}
                {label(member)}
              </label>
            ))}
            {here}
          </fieldset>
        );
      case 'checkbox':
        return (
          <div className="field" key={field.name}>
            <label style={{ fontWeight: 'normal' }}>
              <input
                type="checkbox"
                checked={values[field.name] === true}
                onChange={(e) => set(field.name, e.target.checked)}
                data-testid={testId(field.name)}
              />{' '}
              {label(field.name)}
            </label>
            {here}
          </div>
        );
      case 'select':
        return (
          <Field key={field.name} label={label(field.name)} hint={here}>
            {(id) => (
              <select
                id={id}
                value={str(values, field.name)}
                onChange={(e) => set(field.name, e.target.value)}
                data-testid={testId(field.name)}
              >
                <option value="">—</option>
                {field.choices(overview).map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice[language]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        );
      default:
        return (
          <Field key={field.name} label={label(field.name)} hint={here}>
            {(id) =>
              field.type === 'textarea' ? (
                <textarea
                  id={id}
                  rows={2}
                  maxLength={4000}
                  value={str(values, field.name)}
                  onChange={(e) => set(field.name, e.target.value)}
                  data-testid={testId(field.name)}
                />
              ) : (
                <input
                  id={id}
                  type={field.type}
                  maxLength={field.type === 'text' ? 200 : undefined}
                  value={str(values, field.name)}
                  onChange={(e) => set(field.name, e.target.value)}
                  data-testid={testId(field.name)}
                />
              )
            }
          </Field>
        );
    }
  };
  return (
    <form className="file-form" style={WIDE} onSubmit={send} noValidate data-testid={`p2-${route}-form`}>
      <h3>{t(`wf.open.${route}`)}</h3>
      <ProblemList problems={problems} />
      {spec.fields.filter((f) => shown(route, f.name, values)).map(render)}
      <SubmitButton name={route} busy={busy} error={error} />
    </form>
  );
}
