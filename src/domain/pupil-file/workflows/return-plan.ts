// Workflow: a gradual return plan after school refusal.
import { type Problem, problem } from './problem.ts';

/** One step of a gradual return after school refusal: from which day, how much school (e.g. hours a day). */
export interface ReturnStep {
  from: string;
  load: number;
  description: string;
  /** Moments left out because they burden the pupil (questions, presentations, PE, …). */
  leaveOut: readonly string[];
}

/**
 * How the pupil returns, settled before when (seed 002 l. 1441–1449: "Het 'hoe' is bepalender dan het 'wanneer'
 * … Begin met het HOE te bespreken"): who receives the pupil and where (002:1420-1428, the spilfiguur at the gate).
 */
export interface ReturnHow {
  receivedBy?: string;
  where?: string;
}

/** The "how" is complete: who receives the pupil and where. Checked before the steps' dates. */
export function checkReturnHow(how: ReturnHow | undefined): Problem[] {
  const problems: Problem[] = [];
  if (!how?.receivedBy?.trim())
    problems.push(
      problem(
        'how.receivedBy',
        'required',
        'Eerst het hoe: wie ontvangt de leerling?',
        'First how: who receives the pupil?',
      ),
    );
  if (!how?.where?.trim())
    problems.push(
      problem(
        'how.where',
        'required',
        'Eerst het hoe: waar wordt de leerling ontvangen?',
        'First how: where is the pupil received?',
      ),
    );
  return problems;
}

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

/**
 * The FAQ rules of seed 002:1558-1592: never step up on a Monday (002:1560-1564); repeat what works before
 * the next step (002:1567-1570); leave out the burdening moments (002:1577-1581).
 */
export function checkReturnPlan(steps: readonly ReturnStep[]): Problem[] {
  const problems: Problem[] = [];
  if (steps.length === 0)
    return [problem('steps', 'required', 'Voeg minstens één stap toe.', 'Add at least one step.')];
  steps.forEach((step, index) => {
    const field = `steps.${index}`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(step.from))
      problems.push(problem(field, 'date', 'Datum als JJJJ-MM-DD.', 'Date as YYYY-MM-DD.'));
    const previous = steps[index - 1];
    if (previous && step.from <= previous.from)
      problems.push(
        problem(field, 'order', 'Stappen volgen elkaar op in de tijd.', 'Steps follow each other in time.'),
      );
    if (previous && step.load > previous.load) {
      if (weekday(step.from) === 1)
        problems.push(
          problem(
            field,
            'no-step-up-on-monday',
            'Ga nooit op maandag een stap verder, eerder aan het einde van de week.',
            'Never step up on a Monday; rather towards the end of the week.',
          ),
        );
      const sameLoad = steps.slice(0, index).filter((s) => s.load === previous.load).length;
      if (sameLoad < 2)
        problems.push(
          problem(
            field,
            'repeat-before-next',
            'Herhaal een stap die lukt voor je een volgende zet.',
            'Repeat a step that works before taking the next.',
          ),
        );
    }
    if (step.leaveOut.length === 0)
      problems.push(
        problem(
          field,
          'leave-out-burdening-moments',
          'Haal de momenten eruit die de dag extra belasten (vragen, presentaties, turnen, …).',
          'Leave out the moments that burden the day (questions, presentations, PE, …).',
        ),
      );
  });
  return problems;
}
