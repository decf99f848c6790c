// The register import's COPY rows as bytes (issue 16), for both readers of a CSV's bytes: the fast path
// (register-fast-lines.ts) and the row path (register-import.ts). A school's first import writes binary tuples
// into the register (REGISTER_DIRECT_COLUMNS: no dates or numbers for the database to parse from text); a later
// import writes text lines into staging (REGISTER_STAGING_COLUMNS, the row number first). Pieces that repeat — a
// pupil's id, a date, a half, a code, the school/import/user tail — are encoded once.

import { POSTGRES_EPOCH_DAY } from '../../db/binary-copy.ts';
import { copyField } from '../../db/copy-text.ts';
import { ABSENCE_CODES } from '../../domain/absence-codes.ts';
import type { CopyChunkWriter } from './copy-chunk-writer.ts';

/** Bytes a row takes besides its note, at most. */
const ROW_BYTES = 128;

function int64(value: number): Buffer {
  const piece = Buffer.alloc(12);
  piece.writeInt32BE(8, 0);
  piece.writeBigInt64BE(BigInt(value), 4);
  return piece;
}

function binaryText(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const piece = Buffer.alloc(4 + bytes.length);
  piece.writeInt32BE(bytes.length, 0);
  bytes.copy(piece, 4);
  return piece;
}

export class RegisterCopyRows {
  /** copyIn's format. */
  readonly format: 'text' | 'binary';
  private readonly halves: Buffer[];
  private readonly codes: Buffer[];
  private readonly tail: Buffer;
  private readonly pupils: (Buffer | undefined)[] = [];
  private readonly nullNote: Buffer;

  constructor(
    private readonly out: CopyChunkWriter,
    /** Straight into the register (binary), or into staging (text, row number first). */
    private readonly direct: boolean,
    write: { schoolId: number; importId: number; userId: number | null },
  ) {
    this.format = direct ? 'binary' : 'text';
    if (direct) {
      this.halves = ['AM', 'PM'].map(binaryText);
      this.codes = ABSENCE_CODES.map((c) => binaryText(c.code));
      const userId = write.userId === null ? Buffer.from([0xff, 0xff, 0xff, 0xff]) : int64(write.userId);
      this.tail = Buffer.concat([int64(write.schoolId), int64(write.importId), userId]);
      this.nullNote = Buffer.from([0xff, 0xff, 0xff, 0xff]);
    } else {
      this.halves = ['AM\t', 'PM\t'].map((h) => Buffer.from(h));
      this.codes = ABSENCE_CODES.map((c) => Buffer.from(`${c.code}\t`));
      this.tail = Buffer.from('\n');
      this.nullNote = Buffer.from('\\N');
    }
  }

  /** The encoded date of a day (`YYYY-MM-DD\t` or a binary date field). */
  datePiece(date: string, day: number): Buffer {
    if (!this.direct) return Buffer.from(`${date}\t`);
    const piece = Buffer.alloc(8);
    piece.writeInt32BE(4, 0);
    piece.writeInt32BE(day - POSTGRES_EPOCH_DAY, 4);
    return piece;
  }

  /** A row whose note is bytes [noteStart, noteEnd) of `buf` (empty: null), as they go into COPY unescaped. */
  fromBytes(
    row: number,
    pupilIndex: number,
    pupilId: number,
    date: Buffer,
    half: number,
    code: number,
    buf: Buffer,
    noteStart: number,
    noteEnd: number,
  ): void {
    const out = this.out;
    out.room(ROW_BYTES + (noteEnd - noteStart));
    this.start(row, pupilIndex, pupilId);
    out.piece(date);
    out.piece(this.halves[half] as Buffer);
    out.piece(this.codes[code] as Buffer);
    if (noteEnd > noteStart) {
      if (this.direct) out.int32(noteEnd - noteStart);
      out.copy(buf, noteStart, noteEnd);
    } else out.piece(this.nullNote);
    out.piece(this.tail);
  }

  /** A row from its values (the row path); `half` 0 for AM, 1 for PM; `note` '' for none. */
  fromValues(
    row: number,
    pupilIndex: number,
    pupilId: number,
    date: string,
    day: number,
    half: number,
    code: number,
    note: string,
  ): void {
    const out = this.out;
    const noteBytes = note ? Buffer.from(this.direct ? note : copyField(note), 'utf8') : this.nullNote;
    out.room(ROW_BYTES + noteBytes.length);
    this.start(row, pupilIndex, pupilId);
    out.piece(this.datePiece(date, day));
    out.piece(this.halves[half] as Buffer);
    out.piece(this.codes[code] as Buffer);
    if (note && this.direct) out.int32(noteBytes.length);
    out.piece(noteBytes);
    out.piece(this.tail);
  }

  /** The start of a row: field count and pupil id (binary), or row number and pupil id (text). */
  private start(row: number, pupilIndex: number, pupilId: number): void {
    let piece = this.pupils[pupilIndex];
    if (!piece) {
      piece = this.direct ? Buffer.concat([Buffer.from([0, 8]), int64(pupilId)]) : Buffer.from(`${pupilId}\t`);
      this.pupils[pupilIndex] = piece;
    }
    if (!this.direct) {
      this.out.number(row);
      this.out.piece(TAB);
    }
    this.out.piece(piece);
  }
}

const TAB = Buffer.from('\t');
