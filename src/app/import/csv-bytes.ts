// Reads a UTF-8 CSV file from its bytes (the register import, issue 16): lines of the usual shape go to a caller's
// fast path that reads them in place, every other record is read by papaparse's own parser exactly as the row
// stream of tabular-file.ts reads it (same delimiter, line break, quotes, blank-line skipping and row numbers), so
// both ways give the same values. The file is hashed as it is read.
import { createHash } from 'node:crypto';
import { type FileHandle, open } from 'node:fs/promises';
import Papa from 'papaparse';
import { type CsvBytesSource, cleanValue, openTabularFile, UnreadableFile } from './tabular-file.ts';

const LF = 0x0a;
const CHUNK = 1 << 20;

export interface CsvLineSink {
  /**
   * Reads whole lines of `buf` from `at` (each ending in a line feed before `end`) as long as it can take them as
   * they are, counting each one in `progress.row`, and returns where it stopped (a line start). The record there is
   * read by papaparse and handed to `record`; then `lines` goes on after it.
   */
  lines(buf: Buffer, at: number, end: number, progress: { row: number }): number;
  /** A record `lines` declined, its values cleaned as tabular-file.ts cleans them; blank records are skipped. */
  record(row: number, values: string[]): void;
}

/**
 * Whether imports read UTF-8 CSV files from their bytes (tests turn it off to compare with the row stream), and
 * for tests the rows of the last file read so: how many the fast path took and how many the row path read.
 */
export const byteReading = { enabled: true, last: { fast: 0, rowPath: 0 } };

/** No whole record in the buffer yet: read more of the file. */
const MORE = 0;

export class CsvByteReader {
  /** The last row number given (the header is row 1). */
  row = 0;
  private buf = Buffer.allocUnsafe(CHUNK);
  /** Bytes [at, filled) of buf are read from the file and not yet consumed. */
  private at = 0;
  private filled = 0;
  private position = 0;
  private eof = false;
  private readonly hash = createHash('sha256');
  private digest: string | null = null;
  private closed = false;
  private readonly config: Papa.ParseConfig;

  private constructor(
    private readonly handle: FileHandle,
    private readonly source: CsvBytesSource,
  ) {
    // fastMode off: papaparse's split shortcut (a text without quotes) miscounts the cursor with `preview`.
    this.config = { delimiter: source.delimiter, newline: source.newline as Papa.ParseConfig['newline'], preview: 1 };
    (this.config as { fastMode?: boolean }).fastMode = false;
  }

  /**
   * Opens the file and reads its header record, as the row stream read it (its values cleaned and lower-cased, the
   * BOM dropped); null when the file is left to the row stream (a lone CR as line break, a header that differs or
   * a quoting error in it).
   */
  static async open(source: CsvBytesSource, header: readonly string[]): Promise<CsvByteReader | null> {
    if (source.newline !== '\n' && source.newline !== '\r\n') return null;
    const reader = new CsvByteReader(await open(source.path, 'r'), source);
    try {
      const values = await reader.headerRecord();
      const names = values?.map((v, i) => (i === 0 ? v.replace(/^\uFEFF/, '') : v).trim().toLowerCase());
      if (names && names.length === header.length && names.every((name, i) => name === header[i])) return reader;
    } catch (error) {
      if (!(error instanceof RowStreamError)) {
        await reader.close();
        throw error;
      }
    }
    await reader.close();
    return null;
  }

  get delimiter(): string {
    return this.source.delimiter;
  }

  get newline(): string {
    return this.source.newline;
  }

  /** The file's SHA-256 (once it has been read to its end). */
  sha256(): string {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }

  /** Closes the file (again: nothing). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }

  /** Reads the data records, pausing (yielding) after each chunk of the file. */
  async *records(sink: CsvLineSink): AsyncGenerator<void> {
    const progress = { row: this.row };
    const first = this.row;
    let rowPath = 0;
    byteReading.last = { fast: 0, rowPath: 0 };
    for (;;) {
      progress.row = this.row;
      this.at = sink.lines(this.buf, this.at, this.filled, progress);
      this.row = progress.row;
      const values = this.nextRecord();
      if (values === MORE) {
        yield;
        await this.read();
        continue;
      }
      if (values === null) break;
      if (values.join('').trim() === '') continue;
      this.row++;
      rowPath++;
      for (let i = 0; i < values.length; i++) values[i] = cleanValue(values[i] as string);
      sink.record(this.row, values);
    }
    byteReading.last = { fast: this.row - first - rowPath, rowPath };
    yield;
  }

  private async headerRecord(): Promise<string[] | null> {
    for (;;) {
      const values = this.nextRecord();
      if (values === MORE) {
        await this.read();
        continue;
      }
      if (values === null) return null;
      if (values.join('').trim() === '') continue;
      this.row = 1;
      return values.map(cleanValue);
    }
  }

  /** Reads more of the file behind the unconsumed bytes (moved to the front; the buffer grows for a long record). */
  private async read(): Promise<void> {
    if (this.at > 0) {
      this.buf.copy(this.buf, 0, this.at, this.filled);
      this.filled -= this.at;
      this.at = 0;
    } else if (this.filled === this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.filled);
      this.buf = bigger;
    }
    const { bytesRead } = await this.handle.read(this.buf, this.filled, this.buf.length - this.filled, this.position);
    if (bytesRead === 0) this.eof = true;
    this.hash.update(this.buf.subarray(this.filled, this.filled + bytesRead));
    this.position += bytesRead;
    this.filled += bytesRead;
  }

  /**
   * The record at `at` as papaparse reads it from there: the text up to a line feed, then up to the next one while
   * the record goes on (a quoted line break, or a lone LF where the file breaks lines with CR LF). MORE when the
   * buffer ends first; null at the end of the file.
   */
  private nextRecord(): string[] | null | typeof MORE {
    const { buf, at, filled } = this;
    let stop = at;
    for (;;) {
      const lf = stop < filled ? buf.indexOf(LF, stop) : -1;
      const final = lf < 0 || lf >= filled;
      if (final && !this.eof) return MORE;
      stop = final ? filled : lf + 1;
      if (stop === at) return null;
      const text = buf.toString('utf8', at, stop);
      const result = new Papa.Parser(this.config).parse(text, 0, !final) as Papa.ParseResult<string[]>;
      const whole = result.data.length > 0;
      // A quote error in a record cut short by the window may vanish with the rest of the record.
      if ((whole || final) && result.errors.some((e) => e.type === 'Quotes')) throw new RowStreamError(this.source);
      if (whole) {
        this.at += Buffer.byteLength(text.slice(0, result.meta.cursor), 'utf8');
        return result.data[0] as string[];
      }
      if (final) {
        this.at = filled;
        return null;
      }
    }
  }
}

/** The file has a quoting error, which the row stream reports (as unreadable, with its row number): ask it. */
class RowStreamError extends Error {
  constructor(readonly source: CsvBytesSource) {
    super('quoting error');
  }
}

/**
 * The error the row stream gives for a file the byte reader found a quoting error in (UnreadableFile naming the
 * row as papaparse counts it); any other error unchanged.
 */
export async function asRowStreamError(error: unknown): Promise<unknown> {
  if (!(error instanceof RowStreamError)) return error;
  try {
    const file = await openTabularFile(error.source.path);
    for await (const _ of file.rows) {
      // read to the error
    }
  } catch (streamError) {
    return streamError;
  }
  return new UnreadableFile('Trailing quote on quoted field is malformed');
}
