// Reading PostgreSQL's binary COPY format (typed fields with their lengths; no text formatted by the server and
// parsed here): the monitor's full refresh reads the register, enrolments and pupils this way (issue 16).

/** Days from 1970-01-01 (civil-date.ts day numbers) to 2000-01-01 (PostgreSQL's binary date). */
export const POSTGRES_EPOCH_DAY = 10_957;
/** The binary COPY header: signature (11 bytes), flags (4), header extension length (4). */
export const BINARY_HEADER_BYTES = 19;

/** A row of a binary COPY stream: where each field starts in `bytes` and its length (-1: null). */
export interface BinaryTuple {
  bytes: Uint8Array;
  view: DataView;
  offsets: Int32Array;
  lengths: Int32Array;
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
    row.bytes = bytes;
    row.view = view;
    let at = 0;
    if (header) {
      if (bytes.length < BINARY_HEADER_BYTES) {
        rest = bytes.slice();
        continue;
      }
      at = BINARY_HEADER_BYTES + view.getInt32(15);
      header = false;
    }
    rows: while (at + 2 <= bytes.length) {
      const count = view.getInt16(at);
      if (count === -1) {
        at += 2;
        break;
      }
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
    rest = at < bytes.length ? bytes.slice(at) : new Uint8Array(0);
  }
}

export const int8 = (row: BinaryTuple, f: number) =>
  row.view.getInt32(row.offsets[f] as number) * 4_294_967_296 + row.view.getUint32((row.offsets[f] as number) + 4);
export const int4OrNull = (row: BinaryTuple, f: number) =>
  (row.lengths[f] as number) < 0 ? null : row.view.getInt32(row.offsets[f] as number);
export const dayOrNull = (row: BinaryTuple, f: number) =>
  (row.lengths[f] as number) < 0 ? null : row.view.getInt32(row.offsets[f] as number) + POSTGRES_EPOCH_DAY;
const utf8 = new TextDecoder();
/** Short ASCII texts seen before (codes, school years, levels, class names repeat), by their bytes. */
const shortTexts = new Map<number, string>();
export function textOrNull(row: BinaryTuple, f: number): string | null {
  const length = row.lengths[f] as number;
  if (length < 0) return null;
  const start = row.offsets[f] as number;
  const bytes = row.bytes;
  let key = length;
  let ascii = true;
  for (let i = start; i < start + length; i++) {
    const byte = bytes[i] as number;
    if (byte >= 128) ascii = false;
    if (i - start < 6) key = key * 256 + byte;
  }
  if (!ascii) return utf8.decode(bytes.subarray(start, start + length));
  // Up to six bytes make an exact key (length first, then the bytes: below 2^53).
  if (length <= 6) {
    let text = shortTexts.get(key);
    if (text === undefined) {
      text = String.fromCharCode(...bytes.subarray(start, start + length));
      if (shortTexts.size < 100_000) shortTexts.set(key, text);
    }
    return text;
  }
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

