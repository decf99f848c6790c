// Workflow: a report to the police after the school exhausted its means (seed 001).
import type { CONTACT_CHANNELS } from '../intervention-kinds.ts';
import { clbConsultationFirst, filled, type Problem, problem } from './problem.ts';

const POLICE_GROUNDS = ['manifest-unwillingness', 'total-unreachability'] as const;

interface ContactAttemptFact {
  relation: string;
  attemptedOn: string;
  reached: boolean;
  channel: (typeof CONTACT_CHANNELS)[number] | string;
}

export interface PoliceReportInput {
  ground: string;
  /** Manifest unwillingness: the facts that show it, told apart from powerlessness (seed 003:420, 003:442). */
  unwillingnessFacts?: string;
  notPowerlessness?: boolean;
  /** Total unreachability: the "fiche onbereikbaarheid" (seed 003:466-473). */
  unreachability?: { lastKnownAddress?: string; lastSeenOn?: string; attemptsSummary?: string };
}

const PARENTS = new Set(['parent1', 'parent2', 'plus-parent']);

/**
 * Seed 003:418-422 (and 003:443): a police report only after consulting the CLB, and only for manifest
 * unwillingness of the parents or total unreachability of the family; unreachability starts with the
 * "fiche onbereikbaarheid" (003:468-470) and needs certainty that the contact details were tried (003:214-216).
 */
export function checkPoliceReport(
  input: PoliceReportInput,
  facts: { clbConsultations: number; contactAttempts: readonly ContactAttemptFact[] },
): Problem[] {
  const problems: Problem[] = [];
  if (facts.clbConsultations === 0)
    problems.push(clbConsultationFirst({ nl: 'Een melding bij de politie', en: 'A police report' }));
  if (!(POLICE_GROUNDS as readonly string[]).includes(input.ground)) {
    problems.push(
      problem(
        'ground',
        'ground',
        'Enkel bij manifeste onwil van de ouders of totale onbereikbaarheid van het gezin.',
        'Only for manifest unwillingness of the parents or total unreachability of the family.',
      ),
    );
    return problems;
  }
  if (input.ground === 'manifest-unwillingness') {
    if (!filled(input.unwillingnessFacts))
      problems.push(
        problem(
          'unwillingnessFacts',
          'required',
          'Beschrijf de feiten die de onwil tonen.',
          'Describe the facts that show unwillingness.',
        ),
      );
    if (input.notPowerlessness !== true)
      problems.push(
        problem(
          'notPowerlessness',
          'not-powerlessness',
          'Bevestig dat het om onwil gaat en niet om machteloosheid van de ouders.',
          'Confirm this is unwillingness and not powerlessness of the parents.',
        ),
      );
  } else {
    const form = input.unreachability ?? {};
    if (!filled(form.lastKnownAddress))
      problems.push(
        problem('lastKnownAddress', 'required', 'Vul het laatst gekende adres in.', 'Fill in the last known address.'),
      );
    if (!filled(form.lastSeenOn))
      problems.push(
        problem(
          'lastSeenOn',
          'required',
          'Vul in wanneer de leerling laatst gezien werd.',
          'Fill in when the pupil was last seen.',
        ),
      );
    if (!filled(form.attemptsSummary))
      problems.push(
        problem('attemptsSummary', 'required', 'Vat de contactpogingen samen.', 'Summarise the contact attempts.'),
      );
    const parents = [...facts.contactAttempts]
      .filter((a) => PARENTS.has(a.relation))
      .sort((a, b) => a.attemptedOn.localeCompare(b.attemptedOn));
    const last = parents.at(-1);
    if (!last || last.reached)
      problems.push(
        problem(
          'contactAttempts',
          'unreachable-not-shown',
          'Noteer eerst de mislukte contactpogingen bij de ouders: het laatste contact moet onbereikbaar zijn.',
          'First record the failed contact attempts with the parents: the latest must be unreachable.',
        ),
      );
  }
  return problems;
}
