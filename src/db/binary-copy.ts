// Reading PostgreSQL's binary COPY format (typed fields with their lengths; no text formatted by the server and
// parsed here): the monitor's full refresh reads the register, enrolments and pupils this way (issue 16).

/** Days from 1970-01-01 (civil-date.ts day numbers) to 2000-01-01 (PostgreSQL's binary date). */
export const POSTGRES_EPOCH_DAY = 10_957;
/** The binary COPY header: signature (11 bytes), flags (4), header extension length (4). */
const BINARY_HEADER_BYTES = 19;

/** A row of a binary COPY stream: where each field starts in `bytes` and its length (-1: null). */
export interface BinaryTuple {
  bytes: Uint8Array;
  view: DataView;
  offsets: Int32Array;
  lengths: Int32Array;
}

/**
 * Feeds the bytes of a binary COPY stream after its header to `parse`, chunk by chunk; `parse` reads whole tuples
 * from `at` and returns where it stopped (the rest comes again, joined with the next chunk).
 */
export async function eachBinaryChunk(
  chunks: AsyncIterable<Uint8Array>,
  parse: (bytes: Uint8Array, view: DataView, at: number) => number,
): Promise<void> {
  let rest = new Uint8Array(0);
  let header = true;
  for await (const chunk of chunks) {
    let bytes = chunk;
    if (rest.length > 0) {
      bytes = new Uint8Array(rest.length + chunk.length);
      bytes.set(rest);
      bytes.set(chunk, rest.length);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 0;
    if (header) {
      if (bytes.length < BINARY_HEADER_BYTES) {
        rest = bytes.slice();
        continue;
      }
      at = BINARY_HEADER_BYTES + view.getInt32(15);
      header = false;
    }
    at = parse(bytes, view, at);
    rest = at < bytes.length ? bytes.slice(at) : new Uint8Array(0);
  }
}

/** Calls `tuple` for every row of a binary COPY stream of `fields` columns (the tuple is reused between calls). */
export async function eachBinaryTuple(
  chunks: AsyncIterable<Uint8Array>,
  fields: number,
  tuple: (row: BinaryTuple) => void,
): Promise<void> {
  const row: BinaryTuple = {
    bytes: new Uint8Array(0),
    view: new DataView(new ArrayBuffer(0)),
    offsets: new Int32Array(fields),
    lengths: new Int32Array(fields),
  };
  await eachBinaryChunk(chunks, (bytes, view, start) => {
    row.bytes = bytes;
    row.view = view;
    let at = start;
    rows: while (at + 2 <= bytes.length) {
      const count = view.getInt16(at);
      if (count === -1) return at + 2;
      if (count !== fields) throw new Error(`binary COPY: ${count} fields, expected ${fields}`);
      let next = at + 2;
      for (let f = 0; f < fields; f++) {
        if (next + 4 > bytes.length) break rows;
        const length = view.getInt32(next);
        row.offsets[f] = next + 4;
        row.lengths[f] = length;
        next += 4 + Math.max(0, length);
      }
      if (next > bytes.length) break;
      tuple(row);
      at = next;
    }
    return at;
  });
}

export const int8 = (row: BinaryTuple, f: number) =>
  row.view.getInt32(row.offsets[f] as number) * 4_294_967_296 + row.view.getUint32((row.offsets[f] as number) + 4);
export const int4OrNull = (row: BinaryTuple, f: number) =>
  (row.lengths[f] as number) < 0 ? null : row.view.getInt32(row.offsets[f] as number);
export const dayOrNull = (row: BinaryTuple, f: number) =>
  (row.lengths[f] as number) < 0 ? null : row.view.getInt32(row.offsets[f] as number) + POSTGRES_EPOCH_DAY;
const utf8 = new TextDecoder();
/** The last text read per field: consecutive rows mostly repeat it (school years, levels, class names). */
const lastTexts = new WeakMap<BinaryTuple, { bytes: Uint8Array[]; texts: string[] }>();
export function textOrNull(row: BinaryTuple, f: number): string | null {
  const length = row.lengths[f] as number;
  if (length < 0) return null;
  const start = row.offsets[f] as number;
  const bytes = row.bytes;
  let last = lastTexts.get(row);
  if (!last) {
    last = { bytes: [], texts: [] };
    lastTexts.set(row, last);
  }
  const previous = last.bytes[f];
  if (previous && previous.length === length) {
    let same = true;
    for (let i = 0; i < length && same; i++) same = previous[i] === bytes[start + i];
    if (same) return last.texts[f] as string;
  }
  const text = utf8.decode(bytes.subarray(start, start + length));
  last.bytes[f] = bytes.slice(start, start + length);
  last.texts[f] = text;
  return text;
}

/** The header of a binary COPY stream: signature, flags and header extension length (both 0). */
export const BINARY_COPY_HEADER = Uint8Array.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
]);
/** The trailer of a binary COPY stream: a field count of -1. */
export const BINARY_COPY_TRAILER = Uint8Array.from([0xff, 0xff]);

/**
 * Writes rows in PostgreSQL's binary COPY format (the tuples only; `copyIn` adds the header and trailer): the
 * server neither parses dates nor numbers from text. Call `tuple` with the field count, then one call per field.
 */
export class BinaryTupleWriter {
  private bytes: Buffer = Buffer.allocUnsafeSlow(1 << 20);
  private view = new DataView(this.bytes.buffer);
  private at = 0;
  private readonly encoder = new TextEncoder();
  /** Encoded texts: the large tables repeat a few (school years, codes, halves). */
  private readonly texts = new Map<string, Uint8Array>();

  /** Bytes written since the last `take`. */
  get size(): number {
    return this.at;
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.bytes.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.at + bytes));
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  tuple(fields: number): void {
    this.room(2);
    this.view.setInt16(this.at, fields);
    this.at += 2;
  }

  int8(value: number): void {
    this.room(12);
    this.view.setInt32(this.at, 8);
    this.view.setInt32(this.at + 4, Math.floor(value / 4_294_967_296));
    this.view.setUint32(this.at + 8, value >>> 0);
    this.at += 12;
  }

  int4(value: number): void {
    this.room(8);
    this.view.setInt32(this.at, 4);
    this.view.setInt32(this.at + 4, value);
    this.at += 8;
  }

  /** A date from its day number (civil-date.ts). */
  day(dayNumber: number): void {
    this.int4(dayNumber - POSTGRES_EPOCH_DAY);
  }

  text(value: string): void {
    let encoded = this.texts.get(value);
    if (encoded === undefined) {
      encoded = this.encoder.encode(value);
      if (this.texts.size < 10_000) this.texts.set(value, encoded);
    }
    this.room(4 + encoded.length);
    this.view.setInt32(this.at, encoded.length);
    this.bytes.set(encoded, this.at + 4);
    this.at += 4 + encoded.length;
  }

  /** A text that seldom repeats (evidence, sentences): encoded straight into the buffer, not kept. */
  uniqueText(value: string): void {
    this.room(4 + value.length * 3);
    const written = this.bytes.write(value, this.at + 4, 'utf8');
    this.view.setInt32(this.at, written);
    this.at += 4 + written;
  }

  /**
   * The tuples written since the last call, in the writer's own buffer (no copy): the writer goes on in a new one.
   * For a buffer that is handed over (transferred to another thread); `take` suits a writer that keeps going.
   */
  handOver(): Uint8Array {
    const tuples = this.bytes.subarray(0, this.at);
    // Not zeroed: every byte handed over is written first (a first import hands over ~90 MB of signals).
    this.bytes = Buffer.allocUnsafeSlow(this.bytes.length);
    this.view = new DataView(this.bytes.buffer);
    this.at = 0;
    return tuples;
  }

  /** The tuples written since the last call (a copy: the writer goes on in its own buffer). */
  take(): Uint8Array {
    const tuples = new Uint8Array(this.bytes.subarray(0, this.at)); // a copy (a Buffer's slice would be a view)
    this.at = 0;
    return tuples;
  }
}
