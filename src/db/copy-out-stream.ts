// `COPY … TO STDOUT` as one Buffer per network read (issue 16): pg-copy-streams' reader cuts every CopyData
// message (one per row) into a Buffer of its own, and for the monitor's scan of 20M register rows those objects
// and their garbage collection cost more than the counting. This reader is pg-copy-streams' own with one method
// replaced: the payloads of the messages in a network read are moved together in that read's Buffer, which it
// pushes.
import { to as copyTo } from 'pg-copy-streams';

const COPY_OUT_RESPONSE = 0x48;
const COPY_DATA = 0x64;
const ERROR_RESPONSE = 0x45;
/** Messages PostgreSQL may send between CopyData messages; any other ends the copy. */
const INTERSPERSED = new Set([COPY_OUT_RESPONSE, COPY_DATA, 0x53, 0x4e, 0x41]);
const HEADER_BYTES = 5;

/** What this reader uses of pg-copy-streams' CopyStreamQuery (its fields and methods, version 7). */
interface CopyToInternals {
  _buffer: { push(chunk: Buffer): void };
  _detach(): void;
  _cleanup(): void;
  push(chunk: Buffer | null): boolean;
  /** Ours: the unread part of a message header, the payload bytes still to come and the message's code. */
  _header?: Buffer;
  _remaining?: number;
  _messageCode?: number;
}

function parse(this: CopyToInternals, input: Buffer): boolean {
  let chunk = input;
  if (this._header) {
    chunk = Buffer.concat([this._header, input]);
    this._header = undefined;
  }
  // The payloads move forward over the headers in place (a payload never starts before where it is written):
  // no Buffer and no native call per message.
  const out = chunk;
  let written = 0;
  let at = 0;
  let remaining = this._remaining ?? 0;
  let code = this._messageCode ?? COPY_OUT_RESPONSE;
  let done = false;
  while (at < chunk.length) {
    if (remaining > 0) {
      const n = Math.min(remaining, chunk.length - at);
      if (code === COPY_DATA) {
        if (written === at) written += n;
        else for (let i = at; i < at + n; i++) out[written++] = chunk[i] as number;
      }
      at += n;
      remaining -= n;
      if (remaining > 0) break;
      if (!INTERSPERSED.has(code)) {
        done = true;
        break;
      }
      continue;
    }
    if (chunk.length - at < HEADER_BYTES) {
      this._header = Buffer.from(chunk.subarray(at));
      at = chunk.length;
      break;
    }
    code = chunk[at] as number;
    if (code === ERROR_RESPONSE) {
      // pg reads the error itself (the ActiveQuery fails the stream).
      this._buffer.push(chunk.subarray(at));
      this._remaining = 0;
      this._detach();
      return false;
    }
    remaining = chunk.readUInt32BE(at + 1) - 4;
    at += HEADER_BYTES;
    if (remaining === 0 && !INTERSPERSED.has(code)) {
      done = true;
      break;
    }
  }
  this._remaining = remaining;
  this._messageCode = code;
  let drained = true;
  if (written > 0) drained = this.push(out.subarray(0, written));
  if (done) {
    // What follows the copy (CommandComplete, ReadyForQuery) is pg's to read.
    if (at < chunk.length) this._buffer.push(chunk.subarray(at));
    this._detach();
    this.push(null);
    this._cleanup();
  }
  return drained;
}

/** A pg Submittable streaming `COPY … TO STDOUT` (text or binary) as few large Buffers. */
export function copyOutStream(statement: string): ReturnType<typeof copyTo> {
  const stream = copyTo(statement);
  (stream as unknown as { _parse: typeof parse })._parse = parse;
  return stream;
}
