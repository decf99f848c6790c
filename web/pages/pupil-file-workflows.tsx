// Guided workflows of the pupil file in the browser: return after a hospital or K-dienst stay (seed 000:38-69) and
// the school-refusal tool (seed 002): signals (§1.1), perspectives (§1.6), what was done (§1.7 / §2.2), the
// gradual return plan (FAQ 3) and phase 3, "let go of school, not of the pupil". The server checks the seeds'
// preconditions; its 422 problems are shown next to the fields they name, and a recorded workflow reloads the file.
import { useId, useState } from 'react';
import type { PupilFile } from '../api/pupil-file-client.ts';
import { formatDate, weekday } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';
import type { Run } from './pupil-file/form-run.tsx';
import { HospitalReturnForm } from './pupil-file/hospital-return-form.tsx';
import { LetGoForm } from './pupil-file/let-go-form.tsx';
import { PerspectivesForm } from './pupil-file/perspectives-form.tsx';
import { RestartForm } from './pupil-file/restart-form.tsx';
import { ReturnPlanForm } from './pupil-file/return-plan-form.tsx';
import { ReviewForm } from './pupil-file/review-form.tsx';
import { SignalsForm } from './pupil-file/signals-form.tsx';
import { OpenButtons, WORKFLOWS, type WorkflowName } from './pupil-file/workflow-form.tsx';

/** What a class teacher may open (file.phase1): the §1.1 signals list and the §1.6 perspectives. */
const PHASE_1: readonly WorkflowName[] = ['signals', 'perspectives'];

/** The "Begeleiding schoolweigering / terugkeer" section: one guided workflow open at a time. */
export function FileWorkflows({ file, pupilId, run }: { file: PupilFile; pupilId: string; run: Run }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<WorkflowName | null>(null);
  const headingId = useId();
  const props = { file, pupilId, run, onDone: () => setOpen(null) };
  return (
    <section className="section card file-section" aria-labelledby={headingId} data-testid="file-workflows">
      <h2 id={headingId}>{t('wf.title')}</h2>
      <p className="muted">{t('wf.hint')}</p>
      <OpenButtons
        names={WORKFLOWS.filter((name) => file.permissions.manage || PHASE_1.includes(name))}
        open={open}
        onOpen={setOpen}
        testIdPrefix="wf-open"
      />
      {open === 'hospital' && <HospitalReturnForm {...props} />}
      {open === 'signals' && <SignalsForm {...props} />}
      {open === 'perspectives' && <PerspectivesForm {...props} />}
      {open === 'review' && <ReviewForm {...props} />}
      {open === 'returnPlan' && <ReturnPlanForm {...props} />}
      {open === 'letGo' && <LetGoForm {...props} />}
      {open === 'restart' && <RestartForm {...props} />}
    </section>
  );
}

/** A workflow entry's structured checklist on the timeline (the text itself is in `what`). */
export function WorkflowDetails({ kind, details }: { kind: string; details: unknown }) {
  const { t } = useI18n();
  if (!details || typeof details !== 'object') return null;
  const data = details as Record<string, unknown>;
  if (kind === 'return-plan' && Array.isArray(data.steps)) {
    const steps = data.steps as { from: string; load: number; description: string; leaveOut: string[] }[];
    return (
      <div className="table-scroll">
        <table className="data-table" data-testid="wf-details-steps">
          <thead>
            <tr>
              <th scope="col">{t('wf.returnPlan.from')}</th>
              <th scope="col">{t('wf.returnPlan.load')}</th>
              <th scope="col">{t('wf.returnPlan.description')}</th>
              <th scope="col">{t('wf.returnPlan.leaveOut')}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the steps of a recorded plan never change order
              <tr key={index}>
                <td>
                  {t(`weekday.${weekday(step.from)}` as MessageKey)} {formatDate(step.from)}
                </td>
                <td>{step.load}</td>
                <td>{step.description}</td>
                <td>{step.leaveOut.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (kind === 'let-go-of-school' && data.contactPlan && typeof data.contactPlan === 'object') {
    const plan = data.contactPlan as { who: string; nextContactOn: string; channel: string };
    return (
      <p className="muted" data-testid="wf-details-contact">
        {t('wf.details.nextContact', {
          date: formatDate(plan.nextContactOn),
          who: plan.who,
          channel: t(`wf.channel.${plan.channel}` as MessageKey),
        })}
      </p>
    );
  }
  if (kind === 'school-refusal-signals' && data.answers && typeof data.answers === 'object') {
    const answers = Object.values(data.answers as Record<string, { answer: string }>).map((a) => a.answer);
    const count = (answer: string) => answers.filter((a) => a === answer).length;
    return (
      <p className="muted" data-testid="wf-details-signals">
        {t('wf.details.signals', { yes: count('yes'), unknown: count('unknown'), no: count('no') })}
      </p>
    );
  }
  return null;
}
