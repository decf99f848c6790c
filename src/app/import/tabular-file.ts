// Reads an import file — CSV (comma, semicolon or tab; optional BOM) or XLSX — as a stream of rows.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export interface TabularRow {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  values: string[];
}

export interface TabularFile {
  format: 'csv' | 'xlsx';
  /** Lower-cased, trimmed header names. */
  header: string[];
  /** Data rows in batches, in file order. */
  rows: AsyncIterable<TabularRow[]>;
  /** SHA-256 of the file's bytes; resolves once the rows have been read to the end. */
  sha256(): string;
}

export class UnreadableFile extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const SNIFF_BYTES = 64 * 1024;
const XLSX_BATCH_ROWS = 5_000;

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

/** Rows arrive in batches (one per parsed chunk) so validation and COPY work on many rows at a time. */
async function openCsv(input: PassThrough, head: Buffer, sha256: () => string): Promise<TabularFile> {
  const batches = csvBatches(input, detectDelimiter(head.toString('utf8')));
  const first = await batches.next();
  const firstBatch = first.done ? [] : first.value;
  const headerValues = firstBatch[0];
  if (!headerValues) return emptyFile('csv', sha256);
  const header = headerValues.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim().toLowerCase());
  async function* rows(): AsyncIterable<TabularRow[]> {
    let row = 1;
    const number = (batch: string[][]) => batch.map((values) => ({ row: ++row, values }));
    if (firstBatch.length > 1) yield number(firstBatch.slice(1));
    for (let r = await batches.next(); !r.done; r = await batches.next()) yield number(r.value);
  }
  return { format: 'csv', header, rows: rows(), sha256 };
}

/** Streams papaparse chunks with backpressure: the parser pauses until the consumer asks for more. */
async function* csvBatches(input: PassThrough, delimiter: string): AsyncGenerator<string[][]> {
  const queue: string[][][] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let parserHandle: Papa.Parser | null = null;
  let rowsSoFar = 0;
  const notify = () => {
    wake?.();
    wake = null;
  };
  input.setEncoding('utf8');
  Papa.parse<string[]>(input as unknown as Papa.LocalFile, {
    delimiter,
    skipEmptyLines: 'greedy',
    chunk(results, parser) {
      parserHandle = parser;
      const fatal = results.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
      if (fatal) {
        failure = new UnreadableFile(`row ${rowsSoFar + (fatal.row ?? 0) + 1}: ${fatal.message}`);
        parser.abort();
      } else {
        rowsSoFar += results.data.length;
        queue.push(results.data.map((values) => values.map((v) => v.trim())));
        parser.pause();
      }
      notify();
    },
    complete() {
      done = true;
      notify();
    },
    error(error) {
      failure = new UnreadableFile(error.message);
      done = true;
      notify();
    },
  });
  input.on('error', (error) => {
    failure = new UnreadableFile(error.message);
    notify();
  });
  while (true) {
    const next = queue.shift();
    if (next) {
      yield next;
      continue;
    }
    if (failure) throw failure;
    if (done) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
      (parserHandle as Papa.Parser | null)?.resume();
    });
  }
}

function emptyFile(format: 'csv' | 'xlsx', sha256: () => string): TabularFile {
  return { format, header: [], rows: (async function* (): AsyncIterable<TabularRow[]> {})(), sha256 };
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
  async function* rows(): AsyncIterable<TabularRow[]> {
    try {
      let batch: TabularRow[] = [];
      for (let r = await rowsOfFirstSheet.next(); !r.done; r = await rowsOfFirstSheet.next()) {
        const values = rowValues(r.value, width);
        if (values.every((v) => v === '')) continue;
        batch.push({ row: r.value.number, values });
        if (batch.length >= XLSX_BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
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
