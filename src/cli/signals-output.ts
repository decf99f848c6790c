// Writes a signal table as the `signals` CLI's output, piece by piece into a fixed buffer: the JSON document
// (byte for byte what JSON.stringify(document, null, 2) gives), NDJSON (one signal per line) or the table.
// Memory stays flat however many signals there are; evidence half-days are encoded once per (slot, code).
import { isoFromDayNumber } from '../domain/rules/civil-day.ts';
import { type SignalTable, signalAt } from '../domain/rules/index.ts';

export type OutputFormat = 'json' | 'ndjson' | 'table';

/** Where the bytes go: the chunk may be reused once the returned promise settles (copy it to keep it). */
export interface ByteSink {
  write(chunk: Buffer): Promise<void>;
}

const FLUSH_AT = 1 << 20;

/**
 * Output bytes gathered in one of two reused buffers and handed to the sink about every MiB: while one is being
 * written the other fills. Pieces that recur (the fixed parts of a signal, each evidence half-day, each date) are
 * encoded once and copied as bytes; nothing is joined as text first (flattening a MiB-long joined string cost more
 * than everything else the writer does). Fresh memory for every chunk would cost more than the copying (first touch
 * of each page; see SignalBuffers).
 */
class Output {
  private buffers: Buffer[] = [Buffer.allocUnsafe(FLUSH_AT * 2), Buffer.allocUnsafe(FLUSH_AT * 2)];
  private readonly pending: (Promise<void> | null)[] = [null, null];
  private turn = 0;
  private buffer: Buffer = this.buffers[0] as Buffer;
  private at = 0;
  constructor(private readonly sink: ByteSink) {}

  /** Appends encoded bytes. */
  bytes(piece: Uint8Array): void {
    const length = piece.length;
    if (this.at + length > this.buffer.length) this.grow(length);
    const buffer = this.buffer;
    let at = this.at;
    if (length <= 16) for (let k = 0; k < length; k++) buffer[at++] = piece[k] as number;
    else {
      buffer.set(piece, at);
      at += length;
    }
    this.at = at;
  }

  /** Appends `"text"` for text whose characters JSON keeps as they are, one byte each (see plainJson). */
  quotedPlain(text: string): void {
    const length = text.length + 2;
    if (this.at + length > this.buffer.length) this.grow(length);
    const buffer = this.buffer;
    let at = this.at;
    buffer[at++] = 0x22;
    for (let k = 0; k < text.length; k++) buffer[at++] = text.charCodeAt(k);
    buffer[at++] = 0x22;
    this.at = at;
  }

  /** Appends text (encoded as UTF-8). */
  text(piece: string): void {
    const most = piece.length * 3;
    if (this.at + most > this.buffer.length) this.grow(most);
    this.at += this.buffer.write(piece, this.at, 'utf8');
  }

  get full(): boolean {
    return this.at >= FLUSH_AT;
  }

  /** A larger buffer in place of the current one (a piece bigger than what is left of it). */
  private grow(length: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + length));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
    this.buffers[this.turn] = bigger;
  }

  async flush(): Promise<void> {
    if (this.at === 0) return;
    const turn = this.turn;
    const written = this.sink.write(this.buffer.subarray(0, this.at));
    // A failed write (e.g. EPIPE) is thrown where this buffer is awaited next, not reported as unhandled now.
    written.catch(() => {});
    this.pending[turn] = written;
    this.turn = 1 - turn;
    this.buffer = this.buffers[this.turn] as Buffer;
    this.at = 0;
    await this.pending[this.turn];
  }

  /** Flushes what is left and waits until the sink has taken every chunk. */
  async close(): Promise<void> {
    await this.flush();
    await Promise.all(this.pending);
  }
}

const encode = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/** Whether JSON.stringify(text) is text in quotes, in ASCII: no quote, backslash, control or non-ASCII character. */
function plainJson(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}

/** Each (slot, code) evidence half-day as bytes, made once: with and without the separator before it. */
class EvidenceCache {
  private readonly first: (Uint8Array | undefined)[] = [];
  private readonly next: (Uint8Array | undefined)[] = [];
  private readonly base: number;
  constructor(
    private readonly table: SignalTable,
    private readonly pretty: boolean,
  ) {
    const { rowSlot } = table.input;
    let base = rowSlot.length > 0 ? (rowSlot[0] as number) : 0;
    for (let i = 1; i < rowSlot.length; i++) if ((rowSlot[i] as number) < base) base = rowSlot[i] as number;
    this.base = base;
  }

  get(row: number, separated: boolean): Uint8Array {
    const { rowSlot, rowCode } = this.table.input;
    const key = ((rowSlot[row] as number) - this.base) * 32 + (rowCode[row] as number);
    const cached = separated ? this.next[key] : this.first[key];
    if (cached !== undefined) return cached;
    return this.make(row, key, separated);
  }

  private make(row: number, key: number, separated: boolean): Uint8Array {
    const { rowSlot, rowCode, codes } = this.table.input;
    const slot = rowSlot[row] as number;
    const date = JSON.stringify(isoFromDayNumber(slot >> 1));
    const half = (slot & 1) === 1 ? '"PM"' : '"AM"';
    const code = JSON.stringify(codes[rowCode[row] as number]?.code ?? '?');
    const entry = this.pretty
      ? `        {\n          "date": ${date},\n          "half": ${half},\n          "code": ${code}\n        }`
      : `{"date":${date},"half":${half},"code":${code}}`;
    const bytes = encode(separated ? (this.pretty ? `,\n${entry}` : `,${entry}`) : entry);
    (separated ? this.next : this.first)[key] = bytes;
    return bytes;
  }
}

/** Streams the signals of `table` in the given format. */
export async function writeSignals(
  table: SignalTable,
  header: { asOf: string; rules: string },
  format: OutputFormat,
  sink: ByteSink,
): Promise<void> {
  const out = new Output(sink);
  if (format === 'table') {
    out.text('pupil\trule\ttriggered on\texplanation\n');
    for (let i = 0; i < table.length; i++) {
      const s = signalAt(table, i);
      out.text(`${s.pupilId}\t${s.ruleId}\t${s.triggeredOn}\t${s.explanation.en}\n`);
      if (out.full) await out.flush();
    }
    return out.close();
  }
  const pretty = format === 'json';
  const evidence = new EvidenceCache(table, pretty);
  const { pupilIds } = table.input;
  // The fixed parts of a signal: `{"pupilId":` before the pupil, then per rule everything from after the pupil up
  // to the triggered date, then what follows the date for facts, for no evidence and for a list of half-days.
  const open = encode(pretty ? '    {\n      "pupilId": ' : '{"pupilId":');
  const nextOpen = encode(pretty ? ',\n    {\n      "pupilId": ' : '{"pupilId":');
  const ruleParts = table.catalog.rules.map((r) =>
    encode(
      pretty
        ? `,\n      "ruleId": ${JSON.stringify(r.id)},\n      "triggeredOn": `
        : `,"ruleId":${JSON.stringify(r.id)},"triggeredOn":`,
    ),
  );
  const beforeFacts = encode(pretty ? ',\n      "evidence": ' : ',"evidence":');
  const noEvidence = encode(pretty ? ',\n      "evidence": []\n    }' : ',"evidence":[]}\n');
  const listOpen = encode(pretty ? ',\n      "evidence": [\n' : ',"evidence":[');
  const listClose = encode(pretty ? '\n      ]\n    }' : ']}\n');
  const close = encode(pretty ? '\n    }' : '}\n');
  const dayBytes = new Map<number, Uint8Array>();
  if (pretty) {
    out.text(`{\n  "asOf": ${JSON.stringify(header.asOf)},\n  "rules": ${JSON.stringify(header.rules)},\n`);
    out.text(table.length === 0 ? '  "signals": []\n}\n' : '  "signals": [\n');
  }
  let lastPupil = -1;
  // The pupil's id as it is when JSON keeps it so (the usual case), else its JSON text encoded.
  let pupilId = '';
  let pupilBytes: Uint8Array | null = null;
  for (let i = 0; i < table.length; i++) {
    const p = table.pupil[i] as number;
    if (p !== lastPupil) {
      lastPupil = p;
      pupilId = pupilIds[p] as string;
      pupilBytes = plainJson(pupilId) ? null : encode(JSON.stringify(pupilId));
    }
    const day = table.triggeredDay[i] as number;
    let triggered = dayBytes.get(day);
    if (triggered === undefined) {
      triggered = encode(JSON.stringify(isoFromDayNumber(day)));
      dayBytes.set(day, triggered);
    }
    out.bytes(i > 0 ? nextOpen : open);
    if (pupilBytes === null) out.quotedPlain(pupilId);
    else out.bytes(pupilBytes);
    out.bytes(ruleParts[table.rule[i] as number] as Uint8Array);
    out.bytes(triggered);
    const facts = table.factsAt(i);
    if (facts !== undefined) {
      out.bytes(beforeFacts);
      out.text(pretty ? JSON.stringify(facts, null, 2).replaceAll('\n', '\n      ') : JSON.stringify(facts));
      out.bytes(close);
    } else {
      const start = table.evidenceStart[i] as number;
      const length = table.evidenceLength[i] as number;
      if (length === 0) out.bytes(noEvidence);
      else {
        out.bytes(listOpen);
        const rows = table.evidenceRows;
        out.bytes(evidence.get(rows[start] as number, false));
        for (let e = 1; e < length; e++) out.bytes(evidence.get(rows[start + e] as number, true));
        out.bytes(listClose);
      }
    }
    if (out.full) await out.flush();
  }
  if (pretty && table.length > 0) out.text('\n  ]\n}\n');
  return out.close();
}
