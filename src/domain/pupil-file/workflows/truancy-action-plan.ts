// Workflow: the spijbelactieplan — registering the pupil with the local police for a truancy contract, only after
// consulting the CLB, and a later re-registration (heraanmelding) (seed 001:689-706, 001:1210).
import { clbConsultationFirst, filled, type Problem, problem, validDate } from './problem.ts';

export const TRUANCY_REGISTRATIONS = [
  { id: 'first', nl: 'Eerste aanmelding bij de politie', en: 'First registration with the police' },
  { id: 'repeat', nl: 'Heraanmelding bij de politie', en: 'Re-registration with the police' },
] as const;

export interface TruancyPlanInput {
  registration?: string;
  registeredOn?: string;
  policeZone?: string;
  /** The agreements of the spijbelcontract, or why a re-registration is needed. */
  agreements?: string;
}

export function checkTruancyActionPlan(
  input: TruancyPlanInput,
  facts: { clbConsultations: number; firstRegistrations: number; today: string },
): Problem[] {
  const problems: Problem[] = [];
  if (facts.clbConsultations === 0)
    problems.push(
      clbConsultationFirst({
        nl: 'Een aanmelding bij de politie in het spijbelactieplan',
        en: 'A registration with the police under the truancy action plan',
      }),
    );
  if (input.registration !== 'first' && input.registration !== 'repeat')
    problems.push(
      problem(
        'registration',
        'required',
        'Kies eerste aanmelding of heraanmelding.',
        'Choose first registration or re-registration.',
      ),
    );
  else if (input.registration === 'repeat' && facts.firstRegistrations === 0)
    problems.push(
      problem(
        'registration',
        'first-registration-first',
        'Een heraanmelding volgt op een eerste aanmelding; die staat nog niet in het dossier.',
        'A re-registration follows a first registration, which the file does not hold yet.',
      ),
    );
  if (!validDate(input.registeredOn) || input.registeredOn > facts.today)
    problems.push(
      problem(
        'registeredOn',
        'required',
        'Vul de datum van de aanmelding in (vandaag of vroeger).',
        'Fill in the date of the registration (today or earlier).',
      ),
    );
  if (!filled(input.policeZone))
    problems.push(problem('policeZone', 'required', 'Vul de politiezone in.', 'Fill in the police zone.'));
  if (!filled(input.agreements))
    problems.push(
      problem(
        'agreements',
        'required',
        'Noteer de afspraken van het spijbelcontract of waarom een heraanmelding nodig is.',
        'Record the agreements of the truancy contract or why a re-registration is needed.',
      ),
    );
  return problems;
}
