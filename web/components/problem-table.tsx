// The list of problems (or warnings) found in an imported file: row, column and message in the UI language.
import type { ImportProblem } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface ProblemTableProps {
  problems: readonly ImportProblem[];
  caption: string;
  rowTestId: string;
}

export function ProblemTable({ problems, caption, rowTestId }: ProblemTableProps) {
  const { language, t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table problem-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('import.row')}
            </th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their position
              key={index}
              data-testid={rowTestId}
              data-code={problem.code}
            >
              <td className="numeric">{problem.row ?? <span className="muted">{t('import.wholeFile')}</span>}</td>
              <td>{problem.column ? <code>{problem.column}</code> : <span className="muted">—</span>}</td>
              <td>{problem.messages[language]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
