// Builds COPY lines (text, or binary tuples) as bytes, for copyIn (the register import's byte path, issue 16): pre-encoded pieces and
// byte ranges of the file are copied into a Buffer, so a row costs no string. Each chunk handed out is a new Buffer
// (copyIn keeps the ones it has been given until it has sent them): a chunk is the part of the current Buffer written
// since the last one, and a new Buffer is only taken when that one is full.
export class CopyChunkWriter {
  private buf: Buffer;
  /** buf[start, length) is written and not yet handed out. */
  private start = 0;
  private length = 0;
  private readonly taken: Buffer[] = [];

  constructor(private readonly size = 1 << 20) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Makes room for `bytes` more bytes (a full buffer is set aside for take()). */
  room(bytes: number): void {
    if (this.length + bytes <= this.buf.length) return;
    if (this.length > this.start) this.taken.push(this.buf.subarray(this.start, this.length));
    this.buf = Buffer.allocUnsafe(Math.max(this.size, bytes));
    this.start = 0;
    this.length = 0;
  }

  /** Bytes [start, end) of `source` (room() first). */
  copy(source: Buffer, start: number, end: number): void {
    const buf = this.buf;
    let at = this.length;
    if (end - start > 16) at += source.copy(buf, at, start, end);
    else for (let i = start; i < end; i++) buf[at++] = source[i] as number;
    this.length = at;
  }

  /** A pre-encoded piece (room() first). */
  piece(piece: Buffer): void {
    this.copy(piece, 0, piece.length);
  }

  /** A whole number ≥ 0 in decimal (room() first, 16 bytes). */
  number(value: number): void {
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let at = this.length + digits;
    this.length = at;
    do {
      this.buf[--at] = 0x30 + (value % 10);
      value = Math.floor(value / 10);
    } while (value > 0);
  }

  /** A 32-bit integer, big-endian as binary COPY writes it (room() first). */
  int32(value: number): void {
    this.length = this.buf.writeInt32BE(value, this.length);
  }

  /** A text as UTF-8 (makes its own room). */
  text(text: string): void {
    this.room(text.length * 3);
    this.length += this.buf.write(text, this.length, 'utf8');
  }

  /** The bytes written since the last take(), as chunks of whole lines (none when nothing was written). */
  take(): Buffer[] {
    if (this.length > this.start) this.taken.push(this.buf.subarray(this.start, this.length));
    this.start = this.length;
    return this.taken.splice(0);
  }
}
