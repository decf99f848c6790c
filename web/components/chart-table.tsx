// The data behind a chart as an accessible table (caption, column and row headers) with a CSV download of
// exactly what the table shows (suppressed counts stay "< 5").
import { csvText } from '../../src/domain/csv.ts';
import { useI18n } from '../i18n/i18n.tsx';

export interface TableColumn {
  label: string;
}

export type Cell = string | number | null;

export function tableCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvText([columns, ...rows]);
}

function download(fileName: string, csv: string) {
  const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ChartTable({
  caption,
  columns,
  rows,
  fileName,
  format,
  testId,
  folded = true,
}: {
  caption: string;
  columns: string[];
  rows: Cell[][];
  fileName: string;
  /** How a cell is shown (e.g. null as "< 5"); the CSV gets the same text. */
  format: (value: Cell, column: number) => string;
  testId?: string;
  /** Under a chart the table is folded (details/summary) and the CSV download stays visible; a page whose main
   * content is the table shows it open. */
  folded?: boolean;
}) {
  const { t } = useI18n();
  const shown = rows.map((row) =>
    row.map((value, column) => (column === 0 ? String(value ?? '') : format(value, column))),
  );
  const table = (
    <>
      {/* Focusable so keyboard users can scroll a wide table (axe: scrollable-region-focusable). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-scroll" tabIndex={0} aria-label={caption}>
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row[0]}>
                {row.map((value, column) =>
                  column === 0 ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
                    <th key={column} scope="row">
                      {value}
                    </th>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
                    <td key={column} className="data-table__number">
                      {value}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
  return (
    <div className="chart-table" data-testid={testId}>
      {folded ? (
        <details className="chart-table__details">
          <summary>{caption}</summary>
          {table}
        </details>
      ) : (
        table
      )}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => download(fileName, tableCsv(columns, shown))}
      >
        {t('monitor.downloadCsv')}
      </button>
    </div>
  );
}
