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
 * Output text gathered as one string (V8 joins the pieces without copying them until the string is written),
 * encoded about every MiB into one of two reused buffers: while one is being written the other fills. Fresh memory
 * for every chunk would cost more than the encoding (first touch of each page; see SignalBuffers).
 */
class Output {
  private text = '';
  private readonly buffers: Buffer[] = [Buffer.allocUnsafe(FLUSH_AT * 4), Buffer.allocUnsafe(FLUSH_AT * 4)];
  private readonly pending: (Promise<void> | null)[] = [null, null];
  private turn = 0;
  constructor(private readonly sink: ByteSink) {}

  add(piece: string): void {
    this.text += piece;
  }

  get full(): boolean {
    return this.text.length >= FLUSH_AT;
  }

  async flush(): Promise<void> {
    if (this.text.length === 0) return;
    const turn = this.turn;
    this.turn = 1 - turn;
    await this.pending[turn];
    let buffer = this.buffers[turn] as Buffer;
    const most = Buffer.byteLength(this.text, 'utf8');
    if (most > buffer.length) {
      buffer = Buffer.allocUnsafe(most);
      this.buffers[turn] = buffer;
    }
    const length = buffer.write(this.text, 0, 'utf8');
    this.text = '';
    const written = this.sink.write(buffer.subarray(0, length));
    // A failed write (e.g. EPIPE) is thrown where this buffer is awaited next, not reported as unhandled now.
    written.catch(() => {});
    this.pending[turn] = written;
  }

  /** Flushes what is left and waits until the sink has taken every chunk. */
  async close(): Promise<void> {
    await this.flush();
    await Promise.all(this.pending);
  }
}

/** Each (slot, code) evidence half-day as text, made once: with and without the separator before it. */
class EvidenceCache {
  private readonly first: (string | undefined)[] = [];
  private readonly next: (string | undefined)[] = [];
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

  get(row: number, separated: boolean): string {
    const { rowSlot, rowCode } = this.table.input;
    const key = ((rowSlot[row] as number) - this.base) * 32 + (rowCode[row] as number);
    const cached = separated ? this.next[key] : this.first[key];
    if (cached !== undefined) return cached;
    return this.make(row, key, separated);
  }

  private make(row: number, key: number, separated: boolean): string {
    const { rowSlot, rowCode, codes } = this.table.input;
    const slot = rowSlot[row] as number;
    const date = JSON.stringify(isoFromDayNumber(slot >> 1));
    const half = (slot & 1) === 1 ? '"PM"' : '"AM"';
    const code = JSON.stringify(codes[rowCode[row] as number]?.code ?? '?');
    const entry = this.pretty
      ? `        {\n          "date": ${date},\n          "half": ${half},\n          "code": ${code}\n        }`
      : `{"date":${date},"half":${half},"code":${code}}`;
    const text = separated ? (this.pretty ? `,\n${entry}` : `,${entry}`) : entry;
    (separated ? this.next : this.first)[key] = text;
    return text;
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
    out.add('pupil\trule\ttriggered on\texplanation\n');
    for (let i = 0; i < table.length; i++) {
      const s = signalAt(table, i);
      out.add(`${s.pupilId}\t${s.ruleId}\t${s.triggeredOn}\t${s.explanation.en}\n`);
      if (out.full) await out.flush();
    }
    return out.close();
  }
  const pretty = format === 'json';
  const evidence = new EvidenceCache(table, pretty);
  const { pupilIds } = table.input;
  const ruleIds = table.catalog.rules.map((r) => JSON.stringify(r.id));
  const dayText = new Map<number, string>();
  if (pretty) {
    out.add(`{\n  "asOf": ${JSON.stringify(header.asOf)},\n  "rules": ${JSON.stringify(header.rules)},\n`);
    out.add(table.length === 0 ? '  "signals": []\n}\n' : '  "signals": [\n');
  }
  let lastPupil = -1;
  let pupilText = '';
  for (let i = 0; i < table.length; i++) {
    const p = table.pupil[i] as number;
    if (p !== lastPupil) {
      lastPupil = p;
      pupilText = JSON.stringify(pupilIds[p]);
    }
    const day = table.triggeredDay[i] as number;
    let triggered = dayText.get(day);
    if (triggered === undefined) {
      triggered = JSON.stringify(isoFromDayNumber(day));
      dayText.set(day, triggered);
    }
    const rule = ruleIds[table.rule[i] as number];
    if (pretty) {
      if (i > 0) out.add(',\n');
      out.add(
        `    {\n      "pupilId": ${pupilText},\n      "ruleId": ${rule},\n      "triggeredOn": ${triggered},\n      "evidence": `,
      );
    } else {
      out.add(`{"pupilId":${pupilText},"ruleId":${rule},"triggeredOn":${triggered},"evidence":`);
    }
    const facts = table.factsAt(i);
    if (facts !== undefined) {
      out.add(pretty ? JSON.stringify(facts, null, 2).replaceAll('\n', '\n      ') : JSON.stringify(facts));
    } else {
      const start = table.evidenceStart[i] as number;
      const length = table.evidenceLength[i] as number;
      if (length === 0) out.add('[]');
      else {
        out.add(pretty ? '[\n' : '[');
        for (let e = 0; e < length; e++) out.add(evidence.get(table.evidenceRows[start + e] as number, e > 0));
        out.add(pretty ? '\n      ]' : ']');
      }
    }
    out.add(pretty ? '\n    }' : '}\n');
    if (out.full) await out.flush();
  }
  if (pretty && table.length > 0) out.add('\n  ]\n}\n');
  return out.close();
}
