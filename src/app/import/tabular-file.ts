// Reads an import file — CSV (comma, semicolon or tab; optional BOM) or XLSX — as a stream of rows.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export interface TabularRow {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  values: string[];
}

export interface TabularFile {
  format: 'csv' | 'xlsx';
  /** Lower-cased, trimmed header names. */
  header: string[];
  rows: AsyncIterable<TabularRow>;
  /** SHA-256 of the file's bytes; resolves once the rows have been read to the end. */
  sha256(): string;
}

export class UnreadableFile extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const SNIFF_BYTES = 64 * 1024;

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Picks the delimiter that occurs most in the header line outside quotes (Belgian Excel writes `;`). */
export function detectDelimiter(head: string): string {
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

export async function openTabularFile(path: string): Promise<TabularFile> {
  const head = await readHead(path);
  const hash = createHash('sha256');
  const source = createReadStream(path);
  const hashed = new PassThrough();
  source.on('data', (chunk) => hash.update(chunk));
  source.on('error', (error) => hashed.destroy(error));
  source.pipe(hashed);
  let digest: string | null = null;
  const sha256 = () => {
    digest ??= hash.digest('hex');
    return digest;
  };
  const isZip = ZIP_MAGIC.every((b, i) => head[i] === b);
  return isZip ? openXlsx(hashed, sha256) : openCsv(hashed, head, sha256);
}

async function openCsv(input: PassThrough, head: Buffer, sha256: () => string): Promise<TabularFile> {
  const parser = input.pipe(
    parse({
      bom: true,
      delimiter: detectDelimiter(head.toString('utf8')),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let first: IteratorResult<string[]>;
  try {
    first = await iterator.next();
  } catch (error) {
    throw new UnreadableFile((error as Error).message);
  }
  if (first.done) return emptyFile('csv', sha256);
  const header = first.value.map((h) => h.trim().toLowerCase());
  async function* rows(): AsyncIterable<TabularRow> {
    let row = 1;
    try {
      for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
        row++;
        yield { row, values: r.value };
      }
    } catch (error) {
      throw new UnreadableFile(`row ${row + 1}: ${(error as Error).message}`);
    }
  }
  return { format: 'csv', header, rows: rows(), sha256 };
}

function emptyFile(format: 'csv' | 'xlsx', sha256: () => string): TabularFile {
  return { format, header: [], rows: (async function* () {})(), sha256 };
}

/** Renders a spreadsheet cell as the text a CSV export would hold (dates as YYYY-MM-DD). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value).trim();
}

async function openXlsx(input: PassThrough, sha256: () => string): Promise<TabularFile> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  const sheets = reader[Symbol.asyncIterator]();
  let rowsOfFirstSheet: AsyncIterator<ExcelJS.Row>;
  let headerRow: ExcelJS.Row | undefined;
  try {
    const sheet = await sheets.next();
    if (sheet.done) return emptyFile('xlsx', sha256);
    rowsOfFirstSheet = (sheet.value as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
    const first = await rowsOfFirstSheet.next();
    headerRow = first.done ? undefined : first.value;
  } catch (error) {
    throw new UnreadableFile((error as Error).message);
  }
  if (!headerRow) return emptyFile('xlsx', sha256);
  const width = headerRow.cellCount;
  const header = rowValues(headerRow, width).map((h) => h.toLowerCase());
  async function* rows(): AsyncIterable<TabularRow> {
    try {
      for (let r = await rowsOfFirstSheet.next(); !r.done; r = await rowsOfFirstSheet.next()) {
        const values = rowValues(r.value, width);
        if (values.every((v) => v === '')) continue;
        yield { row: r.value.number, values };
      }
      // Drain the remaining sheets so the file is read to its end (and hashed).
      for (let s = await sheets.next(); !s.done; s = await sheets.next()) {
        for await (const _ of s.value as unknown as AsyncIterable<ExcelJS.Row>) {
          // only the first sheet holds data
        }
      }
    } catch (error) {
      throw new UnreadableFile((error as Error).message);
    }
  }
  return { format: 'xlsx', header, rows: rows(), sha256 };
}

function rowValues(row: ExcelJS.Row, width: number): string[] {
  const values: string[] = [];
  for (let c = 1; c <= width; c++) values.push(cellText(row.getCell(c).value));
  return values;
}
