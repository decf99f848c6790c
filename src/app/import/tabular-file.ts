// Reads an import file — CSV (comma, semicolon or tab; UTF-8 with or without BOM, or Windows-1252) or XLSX — as a
// stream of rows.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { removeFormulaGuard } from '../../domain/csv.ts';

export interface TabularRow {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  values: string[];
}

/** The character encodings a CSV file may have: what Excel saves as "CSV UTF-8" and as plain "CSV" in Belgium. */
export type TextEncoding = 'utf-8' | 'windows-1252';

export interface TabularFile {
  format: 'csv' | 'xlsx';
  /** How the CSV's bytes were decoded (null for XLSX, which is always Unicode). */
  encoding: TextEncoding | null;
  /** Lower-cased, trimmed header names. */
  header: string[];
  /** The header names as the file writes them (trimmed): what the column-mapping step shows. */
  labels: string[];
  /** Data rows in batches, in file order. */
  rows: AsyncIterable<TabularRow[]>;
  /** SHA-256 of the file's bytes; resolves once the rows have been read to the end. */
  sha256(): string;
  /** A UTF-8 CSV's bytes, for a reader that scans them itself instead of reading `rows` (csv-bytes.ts). */
  bytes?: CsvBytesSource;
}

/** What a reader of a UTF-8 CSV's bytes needs to read it as `rows` would (register-import.ts, csv-bytes.ts). */
export interface CsvBytesSource {
  path: string;
  delimiter: string;
  /** The line break papaparse chose from the file's first chunk (`\n`, `\r\n` or `\r`). */
  newline: string;
  /**
   * Stops the row stream (`rows` must not be read afterwards) and hands the file over to the byte reader:
   * `sha256()` answers with `digest` from then on, which must cover every byte of the file.
   */
  take(digest: () => string): void;
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

/** Bytes the first byte of a UTF-8 sequence announces (0 for a continuation byte or an invalid lead byte). */
function utf8SequenceLength(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 0;
}

/** The length of `bytes` without a multi-byte character cut off at its end (it continues in the next chunk). */
function completeUtf8Length(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead byte
    const length = utf8SequenceLength(byte);
    return length > 1 && i + length > bytes.length ? i : bytes.length;
  }
  return bytes.length;
}

/**
 * The encoding of a text file: valid UTF-8 (with or without BOM) is UTF-8; anything else is read as Windows-1252,
 * what Excel on Belgian Windows saves as "CSV". The whole file is checked (streamed), because the first accented
 * name may sit on row 50,000. Files starting with a UTF-16 byte order mark are refused.
 */
export async function detectTextEncoding(path: string): Promise<TextEncoding> {
  let carry: Uint8Array = new Uint8Array(0);
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (
      first &&
      chunk.length >= 2 &&
      ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
    )
      throw new UnreadableFile('UTF-16 text; save the file as "CSV UTF-8"');
    first = false;
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const complete = completeUtf8Length(bytes);
    if (!isUtf8(bytes.subarray(0, complete))) return 'windows-1252';
    carry = Uint8Array.from(bytes.subarray(complete));
  }
  return carry.length === 0 ? 'utf-8' : 'windows-1252';
}

/** Windows-1252 differs from Latin-1 only in 0x80–0x9F (Node's TextDecoder treats it as Latin-1). */
const WINDOWS_1252_HIGH = [
  '€',
  null,
  '‚',
  'ƒ',
  '„',
  '…',
  '†',
  '‡',
  'ˆ',
  '‰',
  'Š',
  '‹',
  'Œ',
  null,
  'Ž',
  null,
  null,
  '‘',
  '’',
  '“',
  '”',
  '•',
  '–',
  '—',
  '˜',
  '™',
  'š',
  '›',
  'œ',
  null,
  'ž',
  'Ÿ',
];

/** Decodes Windows-1252 bytes; the five bytes it leaves undefined mean the file is not Windows-1252 either. */
export function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => {
    const mapped = WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80];
    if (!mapped) throw new UnreadableFile('the text is neither UTF-8 nor Windows-1252; save it as "CSV UTF-8"');
    return mapped;
  });
}

export async function openTabularFile(path: string): Promise<TabularFile> {
  const head = await readHead(path);
  const isZip = ZIP_MAGIC.every((b, i) => head[i] === b);
  const encoding = isZip ? null : await detectTextEncoding(path);
  const hash = createHash('sha256');
  const source = createReadStream(path);
  const hashed = new PassThrough();
  const onData = (chunk: string | Buffer) => {
    hash.update(chunk);
  };
  source.on('data', onData);
  source.on('error', (error) => hashed.destroy(error));
  source.pipe(hashed);
  let digest: string | null = null;
  let takenOver: (() => string) | null = null;
  const sha256 = () => {
    if (takenOver) return takenOver();
    digest ??= hash.digest('hex');
    return digest;
  };
  if (encoding === null) return openXlsx(hashed, sha256);
  const control: CsvControl = {};
  const file = await openCsv(hashed, head, encoding, sha256, control);
  if (encoding !== 'utf-8' || !control.newline || file.header.length === 0) return file;
  const newline = control.newline;
  file.bytes = {
    path,
    delimiter: detectDelimiter(head.toString('latin1')),
    newline,
    take(digest) {
      control.stop?.();
      source.off('data', onData);
      source.unpipe(hashed);
      source.destroy();
      hashed.destroy();
      takenOver = digest;
    },
  };
  return file;
}

/** What openCsv reports and offers besides the rows: the line break papaparse chose, and a way to stop it. */
interface CsvControl {
  newline?: string;
  stop?: () => void;
}

/** Rows arrive in batches (one per parsed chunk) so validation and COPY work on many rows at a time. */
async function openCsv(
  input: PassThrough,
  head: Buffer,
  encoding: TextEncoding,
  sha256: () => string,
  control: CsvControl,
): Promise<TabularFile> {
  const text = encoding === 'utf-8' ? utf8Text(input) : windows1252Text(input);
  const batches = csvBatches(text, detectDelimiter(head.toString('latin1')), control);
  const first = await batches.next();
  const firstBatch = first.done ? [] : first.value;
  const headerValues = firstBatch[0];
  if (!headerValues) return emptyFile('csv', encoding, sha256);
  const labels = headerValues.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
  const header = labels.map((h) => h.toLowerCase());
  async function* rows(): AsyncIterable<TabularRow[]> {
    let row = 1;
    const number = (batch: string[][]) => batch.map((values) => ({ row: ++row, values }));
    if (firstBatch.length > 1) yield number(firstBatch.slice(1));
    for (let r = await batches.next(); !r.done; r = await batches.next()) yield number(r.value);
  }
  return { format: 'csv', encoding, header, labels, rows: rows(), sha256 };
}

function utf8Text(input: PassThrough): PassThrough {
  input.setEncoding('utf8');
  return input;
}

/** Single-byte encoding: every chunk decodes on its own, no character straddles two chunks. */
function windows1252Text(input: PassThrough): Transform {
  const decoder = new Transform({
    decodeStrings: true,
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decodeWindows1252(chunk));
      } catch (error) {
        done(error as Error);
      }
    },
  });
  decoder.setEncoding('utf8');
  input.on('error', (error) => decoder.destroy(error));
  return input.pipe(decoder);
}

/** Streams papaparse chunks with backpressure: the parser pauses until the consumer asks for more. */
async function* csvBatches(
  input: PassThrough | Transform,
  delimiter: string,
  control: CsvControl,
): AsyncGenerator<string[][]> {
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
  control.stop = () => {
    (parserHandle as Papa.Parser | null)?.abort();
    done = true;
  };
  Papa.parse<string[]>(input as unknown as Papa.LocalFile, {
    delimiter,
    skipEmptyLines: 'greedy',
    chunk(results, parser) {
      parserHandle = parser;
      control.newline ??= results.meta.linebreak;
      const fatal = results.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
      if (fatal) {
        failure = new UnreadableFile(`row ${rowsSoFar + (fatal.row ?? 0) + 1}: ${fatal.message}`);
        parser.abort();
      } else {
        rowsSoFar += results.data.length;
        // Cleaned in place: no second array per row (a register has a million of them).
        for (const values of results.data)
          for (let i = 0; i < values.length; i++) values[i] = cleanValue(values[i] as string);
        queue.push(results.data);
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

function emptyFile(format: 'csv' | 'xlsx', encoding: TextEncoding | null, sha256: () => string): TabularFile {
  return {
    format,
    encoding,
    header: [],
    labels: [],
    rows: (async function* (): AsyncIterable<TabularRow[]> {})(),
    sha256,
  };
}

/** A value as the importers see it: trimmed, without the formula guard our own CSV exports add (decision 0010). */
export const cleanValue = (value: string) => removeFormulaGuard(value.trim());

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
    if (sheet.done) return emptyFile('xlsx', null, sha256);
    rowsOfFirstSheet = (sheet.value as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
    const first = await rowsOfFirstSheet.next();
    headerRow = first.done ? undefined : first.value;
  } catch (error) {
    throw new UnreadableFile((error as Error).message);
  }
  if (!headerRow) return emptyFile('xlsx', null, sha256);
  const width = headerRow.cellCount;
  const labels = rowValues(headerRow, width);
  const header = labels.map((h) => h.toLowerCase());
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
  return { format: 'xlsx', encoding: null, header, labels, rows: rows(), sha256 };
}

function rowValues(row: ExcelJS.Row, width: number): string[] {
  const values: string[] = [];
  for (let c = 1; c <= width; c++) values.push(removeFormulaGuard(cellText(row.getCell(c).value)));
  return values;
}
