// The one XLSX writer of the product: every text is written as a text cell (shared string, number format "@"),
// never as a formula, and carries the same formula guard as the CSV writer, so a file that goes CSV → Excel →
// XLSX → import or XLSX → import comes back the same (decision 0010). Streamed: rows go out as they come.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type CsvValue, neutraliseFormula } from '../domain/csv.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The "Text" number format: Excel keeps what is typed into such a cell as text too, also after an edit. */
const TEXT_FORMAT = '@';

/** Writes one worksheet of `pages` (arrays of rows) to `output`, then ends it. */
export async function writeXlsx(
  output: Writable,
  sheetName: string,
  pages: AsyncIterable<readonly (readonly CsvValue[])[]>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  for await (const rows of pages) {
    for (const values of rows) {
      const row = sheet.addRow([]);
      values.forEach((value, index) => {
        if (value === null || value === undefined) return;
        const cell = row.getCell(index + 1);
        // A string value is a string cell: exceljs writes a formula only for `{ formula }` values.
        if (typeof value === 'string') {
          cell.value = neutraliseFormula(value);
          cell.numFmt = TEXT_FORMAT;
        } else cell.value = value;
      });
      row.commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}
