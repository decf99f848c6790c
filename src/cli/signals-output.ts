// Writes a signal table as the `signals` CLI's output, piece by piece into a fixed buffer: the JSON document
// (byte for byte what JSON.stringify(document, null, 2) gives), NDJSON (one signal per line) or the table.
// Memory stays flat however many signals there are; evidence half-days are encoded once per (slot, code).
import { isoFromDayNumber } from '../domain/rules/civil-day.ts';
import { type SignalTable, signalAt } from '../domain/rules/index.ts';

export type OutputFormat = 'json' | 'ndjson' | 'table';

/** Where the bytes go: write returns false when the consumer wants the writer to wait (backpressure). */
export interface ByteSink {
  write(chunk: Buffer): boolean | Promise<void>;
}

const FLUSH_AT = 1 << 20;

class Output {
  private buf = Buffer.allocUnsafe(FLUSH_AT + (1 << 16));
  private at = 0;
  constructor(private readonly sink: ByteSink) {}

  bytes(chunk: Uint8Array): void {
    if (this.at + chunk.length > this.buf.length) this.grow(chunk.length);
    this.buf.set(chunk, this.at);
    this.at += chunk.length;
  }

  text(value: string): void {
    const most = value.length * 3;
    if (this.at + most > this.buf.length) this.grow(most);
    this.at += this.buf.write(value, this.at, 'utf8');
  }

  get full(): boolean {
    return this.at >= FLUSH_AT;
  }

  async flush(): Promise<void> {
    if (this.at === 0) return;
    const chunk = Buffer.from(this.buf.subarray(0, this.at));
    this.at = 0;
    const result = this.sink.write(chunk);
    if (result instanceof Promise) await result;
  }

  private grow(extra: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + extra));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }
}

/** Encodes each (slot, code) evidence half-day once, for one indentation. */
class EvidenceCache {
  private readonly cache = new Map<number, Buffer>();
  constructor(
    private readonly table: SignalTable,
    private readonly pretty: boolean,
  ) {}

  get(row: number): Buffer {
    const { rowSlot, rowCode, codes } = this.table.input;
    const slot = rowSlot[row] as number;
    const code = rowCode[row] as number;
    const key = slot * 32 + code;
    let bytes = this.cache.get(key);
    if (bytes === undefined) {
      const date = JSON.stringify(isoFromDayNumber(slot >> 1));
      const half = (slot & 1) === 1 ? '"PM"' : '"AM"';
      const text = JSON.stringify(codes[code]?.code ?? '?');
      bytes = Buffer.from(
        this.pretty
          ? `        {\n          "date": ${date},\n          "half": ${half},\n          "code": ${text}\n        }`
          : `{"date":${date},"half":${half},"code":${text}}`,
      );
      this.cache.set(key, bytes);
    }
    return bytes;
  }
}

const COMMA_NEWLINE = Buffer.from(',\n');
const COMMA = Buffer.from(',');

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
    return out.flush();
  }
  const pretty = format === 'json';
  const evidence = new EvidenceCache(table, pretty);
  const { pupilIds } = table.input;
  const ruleIds = table.catalog.rules.map((r) => JSON.stringify(r.id));
  const dayText = new Map<number, string>();
  const separator = pretty ? COMMA_NEWLINE : COMMA;
  if (pretty) {
    out.text(`{\n  "asOf": ${JSON.stringify(header.asOf)},\n  "rules": ${JSON.stringify(header.rules)},\n`);
    out.text(table.length === 0 ? '  "signals": []\n}\n' : '  "signals": [\n');
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
      if (i > 0) out.bytes(COMMA_NEWLINE);
      out.text(
        `    {\n      "pupilId": ${pupilText},\n      "ruleId": ${rule},\n      "triggeredOn": ${triggered},\n      "evidence": `,
      );
    } else {
      out.text(`{"pupilId":${pupilText},"ruleId":${rule},"triggeredOn":${triggered},"evidence":`);
    }
    const facts = table.factsAt(i);
    if (facts !== undefined) {
      out.text(pretty ? JSON.stringify(facts, null, 2).replaceAll('\n', '\n      ') : JSON.stringify(facts));
    } else {
      const start = table.evidenceStart[i] as number;
      const length = table.evidenceLength[i] as number;
      if (length === 0) out.text('[]');
      else {
        out.text(pretty ? '[\n' : '[');
        for (let e = 0; e < length; e++) {
          if (e > 0) out.bytes(separator);
          out.bytes(evidence.get(table.evidenceRows[start + e] as number));
        }
        out.text(pretty ? '\n      ]' : ']');
      }
    }
    out.text(pretty ? '\n    }' : '}\n');
    if (out.full) await out.flush();
  }
  if (pretty && table.length > 0) out.text('\n  ]\n}\n');
  return out.flush();
}
