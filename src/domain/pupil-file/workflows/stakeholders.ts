// School refusal (seed 002, the HOGENT tool), the people involved: the rows of the tables of §1.6, §1.7 and §2.2.
import { filled, type Problem, problem } from './problem.ts';

/** The rows of the tables of §1.6, §1.7 and §2.2 (seed 002:947-968, 002:1068-1089, 002:1325-1346). */
export const STAKEHOLDERS = [
  { id: 'pupil', nl: 'Volgens de jongere', en: 'According to the pupil', named: false },
  { id: 'parent1', nl: 'Volgens ouder 1', en: 'According to parent 1', named: false },
  { id: 'parent2', nl: 'Volgens ouder 2', en: 'According to parent 2', named: false },
  { id: 'plus-parent', nl: 'Plusouder', en: 'Plus-parent', named: false },
  { id: 'school-1', nl: 'Schoolse betrokkene 1', en: 'School staff member 1', named: true },
  { id: 'school-2', nl: 'Schoolse betrokkene 2', en: 'School staff member 2', named: true },
  { id: 'school-3', nl: 'Schoolse betrokkene 3', en: 'School staff member 3', named: true },
  {
    id: 'helper-1',
    nl: 'Hulpverlener 1 (CLB, arts, psycholoog, …)',
    en: 'Helper 1 (CLB, doctor, psychologist, …)',
    named: true,
  },
  {
    id: 'helper-2',
    nl: 'Hulpverlener 2 (CLB, arts, psycholoog, …)',
    en: 'Helper 2 (CLB, doctor, psychologist, …)',
    named: true,
  },
  {
    id: 'others',
    nl: 'Andere betrokkenen (broer, zus, klasgenoot, …)',
    en: 'Others involved (brother, sister, classmate, …)',
    named: true,
  },
] as const;
export const STAKEHOLDER_BY_ID = new Map<string, (typeof STAKEHOLDERS)[number]>(STAKEHOLDERS.map((s) => [s.id, s]));
export const PARENT_STAKEHOLDERS = ['parent1', 'parent2', 'plus-parent'];

/** A named row (school staff, helper, others: "namelijk …") needs the name. */
export function stakeholderProblems(row: { stakeholder: string; name?: string }, field: string): Problem[] {
  const stakeholder = STAKEHOLDER_BY_ID.get(row.stakeholder);
  if (!stakeholder) return [problem(field, 'stakeholder', 'Onbekende betrokkene.', 'Unknown person involved.')];
  if (stakeholder.named && !filled(row.name))
    return [
      problem(
        `${field}.name`,
        'name-required',
        `Vul in wie: ${stakeholder.nl.toLowerCase()}, namelijk …`,
        `Fill in who: ${stakeholder.en.toLowerCase()}, namely …`,
      ),
    ];
  return [];
}
