// Workflow: the report of a worrying case (zorgwekkend dossier) to AgODi, and the copy of AgODi's letter to the
// parents that school and CLB receive (seed 000:158-165, seed 003:494-517).
import { filled, type Problem, problem, validDate } from './problem.ts';

export interface AgodiReportInput {
  /** What the school did (its measures in the file are the proof). */
  schoolEfforts?: string;
  /** What the CLB did. */
  clbEfforts?: string;
  /** Why the situation does not improve despite those efforts (seed 000:159-160). */
  situation?: string;
}

export interface AgodiReportFacts {
  /** Measures of the school recorded in the file (entries other than CLB ones). */
  schoolMeasures: number;
  /** CLB consultations, signals or referrals recorded in the file. */
  clbMeasures: number;
}

/** Seed 000:159-160: only when the situation does not improve after efforts of the school and the CLB. */
export function checkAgodiReport(input: AgodiReportInput, facts: AgodiReportFacts): Problem[] {
  const problems: Problem[] = [];
  if (facts.schoolMeasures === 0)
    problems.push(
      problem(
        'schoolEfforts',
        'school-efforts-first',
        'Een melding bij AgODi kan pas na inspanningen van de school: noteer eerst de begeleidende maatregelen in het dossier.',
        'A report to AgODi is possible only after efforts by the school: first record its measures in the file.',
      ),
    );
  else if (!filled(input.schoolEfforts))
    problems.push(
      problem('schoolEfforts', 'required', 'Vat samen wat de school ondernam.', 'Summarise what the school did.'),
    );
  if (facts.clbMeasures === 0)
    problems.push(
      problem(
        'clbEfforts',
        'clb-efforts-first',
        'Een melding bij AgODi kan pas na inspanningen van het CLB: noteer eerst een overleg, signalering of aanmelding bij het CLB.',
        'A report to AgODi is possible only after efforts by the CLB: first record a consultation, signal or referral to the CLB.',
      ),
    );
  else if (!filled(input.clbEfforts))
    problems.push(problem('clbEfforts', 'required', 'Vat samen wat het CLB ondernam.', 'Summarise what the CLB did.'));
  if (!filled(input.situation))
    problems.push(
      problem(
        'situation',
        'required',
        'Beschrijf waarom de situatie niet verbetert.',
        'Describe why the situation does not improve.',
      ),
    );
  return problems;
}

export interface AgodiLetterCopyInput {
  reportEntryId?: number;
  receivedOn?: string;
  copyToSchool?: boolean;
  copyToClb?: boolean;
  note?: string;
}

/** Seed 000:162-165: AgODi writes to the parents; school and CLB each get a copy of the letter. */
export function checkAgodiLetterCopy(
  input: AgodiLetterCopyInput,
  facts: { reportOn: string | null; today: string },
): Problem[] {
  const problems: Problem[] = [];
  if (facts.reportOn === null)
    problems.push(
      problem(
        'reportEntryId',
        'report-first',
        'Kies de melding bij AgODi waarop de brief volgt.',
        'Choose the AgODi report the letter follows.',
      ),
    );
  if (!validDate(input.receivedOn))
    problems.push(
      problem(
        'receivedOn',
        'required',
        'Vul in wanneer de kopie van de brief toekwam.',
        'Fill in when the copy of the letter arrived.',
      ),
    );
  else if ((facts.reportOn !== null && input.receivedOn < facts.reportOn) || input.receivedOn > facts.today)
    problems.push(
      problem(
        'receivedOn',
        'date-range',
        'De kopie komt na de melding en niet later dan vandaag.',
        'The copy arrives after the report and not later than today.',
      ),
    );
  if (input.copyToSchool !== true && input.copyToClb !== true)
    problems.push(
      problem(
        'copies',
        'required',
        'Duid aan wie een kopie kreeg: de school, het CLB of beide.',
        'Mark who received a copy: the school, the CLB or both.',
      ),
    );
  return problems;
}
