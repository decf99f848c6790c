// School refusal: the perspectives of pupil, family and school (seed 002 §1.6).
import { type FormEvent, useState } from 'react';
import { workflowApi } from '../../api/pupil-file-client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  FieldProblems,
  type FormProps,
  ProblemList,
  SubmitButton,
  saved,
  useWorkflow,
  WIDE,
} from './workflow-form.tsx';

type PerspectiveCells = { name?: string; whatIsGoingOn?: string; pupilExperience?: string };

export function PerspectivesForm({ file, pupilId, run, onDone }: FormProps) {
  const { t, language } = useI18n();
  const { problems, busy, submit, error } = useWorkflow(run, onDone);
  const [cells, setCells] = useState<Record<string, PerspectiveCells>>({});
  const set = (stakeholder: string, change: PerspectiveCells) =>
    setCells({ ...cells, [stakeholder]: { ...cells[stakeholder], ...change } });
  const send = (event: FormEvent) => {
    event.preventDefault();
    const rows = file.schoolRefusal.stakeholders
      .filter((s) => Object.values(cells[s.id] ?? {}).some((v) => v?.trim()))
      .map((s) => ({ stakeholder: s.id, ...cells[s.id] }));
    void submit(() => workflowApi.perspectives(pupilId, { rows }), saved(t, 'perspectives'));
  };
  return (
    <form className="file-form" style={WIDE} onSubmit={send} noValidate data-testid="wf-perspectives-form">
      <h3>{t('wf.open.perspectives')}</h3>
      <p className="muted">{t('wf.perspectives.hint')}</p>
      <ProblemList problems={problems} />
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('wf.stakeholder')}</th>
              <th scope="col">{t('wf.name')}</th>
              {file.schoolRefusal.perspectiveColumns.map((column) => (
                <th key={column.id} scope="col">
                  {column[language]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {file.schoolRefusal.stakeholders.map((stakeholder) => (
              <tr key={stakeholder.id} data-testid="wf-perspective-row" data-stakeholder={stakeholder.id}>
                <th scope="row">
                  {stakeholder[language]}
                  <FieldProblems problems={problems} field={`rows.${stakeholder.id}`} nested />
                </th>
                <td>
                  {stakeholder.named ? (
                    <input
                      type="text"
                      aria-label={`${t('wf.name')}: ${stakeholder[language]}`}
                      maxLength={200}
                      value={cells[stakeholder.id]?.name ?? ''}
                      onChange={(e) => set(stakeholder.id, { name: e.target.value })}
                      data-testid={`wf-perspective-${stakeholder.id}-name`}
                    />
                  ) : (
                    '—'
                  )}
                </td>
                {file.schoolRefusal.perspectiveColumns.map((column) => (
                  <td key={column.id}>
                    <textarea
                      aria-label={`${stakeholder[language]}: ${column[language]}`}
                      rows={2}
                      maxLength={4000}
                      value={cells[stakeholder.id]?.[column.id as keyof PerspectiveCells] ?? ''}
                      onChange={(e) => set(stakeholder.id, { [column.id]: e.target.value })}
                      data-testid={`wf-perspective-${stakeholder.id}-${column.id}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SubmitButton name="perspectives" busy={busy} error={error} />
    </form>
  );
}
