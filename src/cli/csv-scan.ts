// A byte-level CSV reader for the `signals` CLI: hands each record to the caller as field offsets into a reused
// buffer, so a register of millions of rows is read without an object or a string per row. Same reading as the
// import path (tabular-file.ts): delimiter detected from the header line, optional BOM, quoted fields with ""
// escapes, values trimmed, lines whose fields are all blank skipped, the header row numbered 1, the line break
// papaparse guesses (LF, CR LF or CR), and a file refused when a closing quote is followed by more than white space
// (csv-scan.test.ts compares both readers). XLSX files are read through tabular-file.ts and handed over in the same
// shape.
import { isUtf8 } from 'node:buffer';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const QUOTE = 0x22;
const LF = 0x0a;
const CHUNK = 1 << 22;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** One record: field f is bytes [start[f], end[f]) of buf, raw (quotes included when quoted[f] is 1). */
export class CsvRecord {
  buf: Buffer = Buffer.alloc(0);
  start = new Int32Array(64);
  end = new Int32Array(64);
  quoted = new Uint8Array(64);
  count = 0;

  /** The field's text as the import path reads it: unquoted, trimmed; '' for a missing column (index < 0). */
  text(index: number): string {
    if (index < 0 || index >= this.count) return '';
    const s = this.start[index] as number;
    const e = this.end[index] as number;
    if (this.quoted[index] === 1) return unquote(this.buf.toString('utf8', s, e));
    return this.buf.toString('utf8', s, e).trim();
  }

  /** Whether the field's text is not empty (without making a string for an unquoted field). */
  hasText(index: number): boolean {
    if (index < 0 || index >= this.count) return false;
    if (this.quoted[index] === 1) return this.text(index) !== '';
    for (let i = this.start[index] as number; i < (this.end[index] as number); i++) {
      const b = this.buf[i] as number;
      if (!isBlank(b)) return b < 0x80 || this.text(index) !== '';
    }
    return false;
  }

  /** Byte range of an unquoted field without surrounding ASCII blanks; null when quoted or missing. */
  trimmedRange(index: number, out: Int32Array): boolean {
    if (index < 0 || index >= this.count || this.quoted[index] === 1) return false;
    let s = this.start[index] as number;
    let e = this.end[index] as number;
    const buf = this.buf;
    while (s < e && isBlank(buf[s] as number)) s++;
    while (e > s && isBlank(buf[e - 1] as number)) e--;
    out[0] = s;
    out[1] = e;
    return true;
  }

  push(s: number, e: number, quoted: number): void {
    if (this.count === this.start.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.start = grow(this.start, new Int32Array(this.count * 2));
      this.end = grow(this.end, new Int32Array(this.count * 2));
      this.quoted = grow(this.quoted, new Uint8Array(this.count * 2));
    }
    this.start[this.count] = s;
    this.end[this.count] = e;
    this.quoted[this.count] = quoted;
    this.count++;
  }
}

function isBlank(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0b || b === 0x0c;
}

function unquote(text: string): string {
  // Everything between the opening and the closing quote, "" as ", then any text after the closing quote.
  const close = text.lastIndexOf('"');
  const inner = close > 0 ? text.slice(1, close) + text.slice(close + 1) : text.slice(1);
  return inner.replaceAll('""', '"').trim();
}

function blankRecord(record: CsvRecord): boolean {
  for (let f = 0; f < record.count; f++) {
    if (record.quoted[f] === 1) {
      if (record.text(f) !== '') return false;
      continue;
    }
    for (let i = record.start[f] as number; i < (record.end[f] as number); i++) {
      const b = record.buf[i] as number;
      // Beyond ASCII the import's trim decides (a no-break space is blank to it).
      if (b >= 0x80) {
        if (record.text(f) !== '') return false;
        break;
      }
      if (!isBlank(b)) return false;
    }
  }
  return true;
}

export interface CsvSink {
  /** The header, lower-cased and trimmed; return false to read no further. */
  header(names: string[]): boolean;
  /** A data record; `row` as a spreadsheet shows it (header = 1). The record is reused: copy what you keep. */
  row(row: number, record: CsvRecord): void;
  /**
   * An optional fast path for data lines in the usual shape: reads whole lines of `buf` from `at` (each ending in
   * a line feed, before `end`) as long as it can take them as they are, counting each one in `progress.row`, and
   * returns where it stopped. The line it stops at (any line it declines: quotes, blanks, a value it would report)
   * is read by the generic path and handed to `row`, then the fast path goes on after it. `newline` is the file's
   * line break (headNewline): with CR LF a lone line feed does not end a line, and a file of lone CRs is not for it.
   */
  lines?(buf: Buffer, at: number, end: number, delimiter: number, progress: { row: number }, newline: Newline): number;
}

/** Reads a CSV (or XLSX) file to its end. Throws on an unreadable file; reports unterminated quotes by row. */
export async function scanTabular(path: string, sink: CsvSink): Promise<void> {
  const fd = openSync(path, 'r');
  let closed = false;
  try {
    const head = Buffer.alloc(64 * 1024);
    const headBytes = readSync(fd, head, 0, head.length, 0);
    if (headBytes >= 4 && ZIP_MAGIC.every((b, i) => head[i] === b)) {
      closeSync(fd);
      closed = true;
      return await scanXlsx(path, sink);
    }
    // The import path's reader (and the XLSX reader it loads) only for a file that is not plain UTF-8: loading it
    // took a tenth of the command's time.
    if (
      !isUtf8File(fd) &&
      (await (await import('../app/import/tabular-file.ts')).detectTextEncoding(path)) === 'windows-1252'
    ) {
      // As the import path does: a file that is not UTF-8 is Excel's Windows-1252; scan a UTF-8 copy of it.
      closeSync(fd);
      closed = true;
      return await scanTranscoded(path, sink);
    }
    const delimiter = headerDelimiter(head.subarray(0, headBytes));
    scanCsv(fd, delimiter, headNewline(head.subarray(0, headBytes)), sink);
  } finally {
    if (!closed) closeSync(fd);
  }
}

/**
 * Whether the whole file is valid UTF-8, checked a chunk at a time, each cut before the last character that
 * starts in its last bytes (valid UTF-8 cut at character starts is valid in every piece, and valid pieces join
 * into valid UTF-8). When it is not, the import path's detectTextEncoding gives the verdict (Windows-1252, or the
 * refusal of UTF-16).
 */
function isUtf8File(fd: number): boolean {
  const buf = Buffer.allocUnsafe(CHUNK);
  let carried = 0;
  let position = 0;
  for (;;) {
    const n = readSync(fd, buf, carried, buf.length - carried, position);
    position += n;
    const filled = carried + n;
    if (n === 0) return isUtf8(buf.subarray(0, filled));
    let cut = filled;
    for (let i = filled - 1; i >= Math.max(0, filled - 4); i--) {
      const b = buf[i] as number;
      if ((b & 0xc0) === 0x80) continue;
      if (b >= 0xc0) cut = i;
      break;
    }
    if (!isUtf8(buf.subarray(0, cut))) return false;
    buf.copy(buf, 0, cut, filled);
    carried = filled - cut;
  }
}

async function scanTranscoded(path: string, sink: CsvSink): Promise<void> {
  const { decodeWindows1252 } = await import('../app/import/tabular-file.ts');
  const dir = mkdtempSync(join(tmpdir(), 'aanwezig-csv-'));
  try {
    const copy = join(dir, 'utf8.csv');
    writeFileSync(copy, decodeWindows1252(readFileSync(path)), 'utf8');
    await scanTabular(copy, sink);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DELIMITERS = [0x2c, 0x3b, 0x09]; // , ; tab — the first wins a tie

/** The delimiter that occurs most in the header line outside quotes, as the import path picks it. */
function headerDelimiter(head: Uint8Array): number {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const b = head[i] as number;
    if (b === LF || b === 0x0d) break;
    if (b === QUOTE) quoted = !quoted;
    else if (!quoted) {
      const d = DELIMITERS.indexOf(b);
      if (d >= 0) counts[d] = (counts[d] as number) + 1;
    }
  }
  let best = 0;
  for (let d = 1; d < DELIMITERS.length; d++) if ((counts[d] as number) > (counts[best] as number)) best = d;
  return DELIMITERS[best] as number;
}

/** A file's line break, as the import's reader (papaparse) takes it. */
export type Newline = 'lf' | 'crlf' | 'cr';

const CR = 0x0d;

/**
 * The line break papaparse guesses from the file's first chunk (its guessLineEndings; the import reads chunks of
 * 64 KiB): with quoted text left out, LF when there is no CR or an LF comes first; else CR LF when at least half the
 * CRs are followed by an LF; else CR.
 */
function headNewline(head: Uint8Array): Newline {
  let crs = 0;
  let crLfs = 0;
  let firstLf = -1;
  let firstCr = -1;
  let at = 0; // position with quoted text left out, as papaparse compares the lengths of the first lines
  let quoted = false;
  let previousCr = false;
  for (let i = 0; i < head.length; i++) {
    const b = head[i] as number;
    if (b === QUOTE) {
      // papaparse removes each "…" pair (non-greedy) with its quotes.
      quoted = !quoted;
      previousCr = false;
      continue;
    }
    if (quoted) continue;
    if (b === CR) {
      crs++;
      if (firstCr < 0) firstCr = at;
      previousCr = true;
    } else {
      if (b === LF) {
        if (previousCr) crLfs++;
        if (firstLf < 0) firstLf = at;
      }
      previousCr = false;
    }
    at++;
  }
  if (crs === 0 || (firstLf >= 0 && firstLf < firstCr)) return 'lf';
  // papaparse splits on CR: crs + 1 parts, of which those after a CR that start with LF count.
  return crLfs >= (crs + 1) / 2 ? 'crlf' : 'cr';
}

export class CsvSyntaxError extends Error {}

const MORE = 2;

/**
 * Whether what follows a closing quote at `at` is well formed: white space up to the delimiter or the line break,
 * or the file's end right after the quote. MORE when the buffer ends before that is known.
 */
function quoteEnd(
  buf: Buffer,
  at: number,
  end: number,
  eof: boolean,
  delimiter: number,
  newline: Newline,
): boolean | typeof MORE {
  const start = at;
  for (;;) {
    if (at >= end) return eof ? at === start : MORE;
    const c = buf[at] as number;
    if (c === delimiter) return true;
    if (newline === 'lf' ? c === LF : newline === 'cr' ? c === CR : c === CR && buf[at + 1] === LF) return true;
    if (newline === 'crlf' && c === CR && at + 1 >= end && !eof) return MORE;
    if (isBlank(c) || c === LF) at++;
    else if (c === 0xc2 && at + 1 >= end && !eof) return MORE;
    else if (c === 0xc2 && buf[at + 1] === 0xa0)
      at += 2; // a no-break space
    else return false;
  }
}

function scanCsv(fd: number, delimiter: number, newline: Newline, sink: CsvSink): void {
  let buf = Buffer.allocUnsafe(CHUNK);
  let filled = 0;
  let eof = false;
  let position = 0;
  let row = 0;
  let headerSeen = false;
  let stop = false;
  const record = new CsvRecord();
  let first = true;
  // The fast path takes over once the header has been read; it reads the sink's own fields.
  let fast = null as CsvSink['lines'] | null;
  while (!eof && !stop) {
    if (filled === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, filled);
      buf = bigger;
    }
    const n = readSync(fd, buf, filled, buf.length - filled, position);
    position += n;
    filled += n;
    if (n === 0) eof = true;
    let from = 0;
    if (first && filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) from = 3;
    first = false;
    record.buf = buf;
    // Records [from, consumed) are complete; a record cut by the chunk's end is read again with the next chunk.
    let consumed = from;
    let i = from;
    record.count = 0;
    let fieldStart = i;
    let quoted = 0;
    const end = filled;
    const progress = { row: 0 };
    while (i <= end) {
      if (fast && i === fieldStart && record.count === 0) {
        progress.row = row;
        const stopped = fast(buf, i, end, delimiter, progress, newline);
        row = progress.row;
        if (stopped > i) {
          i = stopped;
          consumed = i;
          fieldStart = i;
        }
      }
      if (i === end) {
        if (!eof) break;
        // Last record without a final newline.
        if (i > consumed) {
          record.push(fieldStart, i, quoted);
          emit();
        }
        consumed = i;
        break;
      }
      const b = buf[i] as number;
      if (b === QUOTE && i === fieldStart) {
        let j = i + 1;
        let closedAt = -1;
        while (j < end) {
          if (buf[j] === QUOTE) {
            if (j + 1 < end && buf[j + 1] === QUOTE) {
              j += 2;
              continue;
            }
            if (j + 1 === end && !eof) break;
            closedAt = j;
            break;
          }
          j++;
        }
        if (closedAt < 0) {
          if (!eof) break;
          throw new CsvSyntaxError(`row ${row + 1}: Quoted field unterminated`);
        }
        // As the import's reader (papaparse): after the closing quote only white space (what JavaScript's trim
        // removes), then the delimiter or the file's line break, or nothing before the file's end; anything else
        // is a malformed quote and the file is refused.
        const closing = quoteEnd(buf, closedAt + 1, end, eof, delimiter, newline);
        if (closing === MORE) break; // the bytes that decide are in the next chunk
        if (!closing) throw new CsvSyntaxError(`row ${row + 1}: Trailing quote on quoted field is malformed`);
        quoted = 1;
        i = closedAt + 1;
        continue;
      }
      if (b === delimiter) {
        record.push(fieldStart, i, quoted);
        quoted = 0;
        fieldStart = i + 1;
      } else if (newline === 'cr' ? b === CR : b === LF && (newline === 'lf' || (i > consumed && buf[i - 1] === CR))) {
        record.push(fieldStart, i, quoted);
        quoted = 0;
        emit();
        if (stop) break;
        consumed = i + 1;
        fieldStart = i + 1;
        record.count = 0;
      }
      i++;
    }
    if (consumed < filled) buf.copy(buf, 0, consumed, filled);
    filled -= consumed;
    if (eof && filled > 0 && !stop) throw new CsvSyntaxError(`row ${row + 1}: Quoted field unterminated`);
  }

  function emit(): void {
    const s0 = record.start[0] as number;
    const b0 = record.buf[s0] as number;
    // A line that starts with an ASCII character other than a blank is not blank; any other is checked (a
    // no-break space, U+00A0, is blank to the import's trim).
    if (!(record.count > 0 && s0 < (record.end[0] as number) && b0 < 0x80 && !isBlank(b0))) {
      if (blankRecord(record)) return;
    }
    row++;
    if (!headerSeen) {
      headerSeen = true;
      const names: string[] = [];
      for (let f = 0; f < record.count; f++) names.push(record.text(f).toLowerCase());
      if (!sink.header(names)) stop = true;
      else if (sink.lines) fast = sink.lines.bind(sink);
      return;
    }
    sink.row(row, record);
  }
}

/** XLSX through the import path's reader; each row's values are laid out in one buffer as unquoted fields. */
async function scanXlsx(path: string, sink: CsvSink): Promise<void> {
  // Loaded only for a spreadsheet: the XLSX reader takes a noticeable part of the command's start-up.
  const { openTabularFile } = await import('../app/import/tabular-file.ts');
  const table = await openTabularFile(path);
  if (!sink.header(table.header)) return;
  const record = new CsvRecord();
  for await (const batch of table.rows) {
    for (const { row, values } of batch) {
      const bytes = Buffer.from(values.join(''), 'utf8');
      record.buf = bytes;
      record.count = 0;
      let at = 0;
      for (const value of values) {
        const length = Buffer.byteLength(value, 'utf8');
        record.push(at, at + length, 0);
        at += length;
      }
      sink.row(row, record);
    }
  }
}
