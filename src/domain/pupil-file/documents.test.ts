import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  docxBytes,
  EXE,
  HTML,
  JPEG,
  MINIMAL_PDF,
  odfBytes,
  PLAIN_ZIP,
  PNG,
  pdfBytes,
  SVG,
  xlsxBytes,
} from '../../testing/document-files.ts';
import { contentDisposition, safeFileName } from '../download-name.ts';
import { checkDocument, DOCUMENT_LIMITS, DOCUMENT_TYPES, detectContent } from './documents.ts';

const codes = (fileName: string, bytes: Uint8Array) => {
  const result = checkDocument({ fileName, bytes });
  return result.ok ? [] : result.problems.map((p) => p.code);
};
const kindOf = (fileName: string, bytes: Uint8Array) => {
  const result = checkDocument({ fileName, bytes });
  return result.ok ? result.document.kind : null;
};
/** A PDF header padded to exactly `size` bytes. */
const pdfOfSize = (size: number) => {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(MINIMAL_PDF.subarray(0, Math.min(size, MINIMAL_PDF.length)));
  return bytes;
};

describe('accepted documents, recognised by their content', () => {
  it('accepts PDF, PNG, JPEG, DOCX, XLSX, ODT and UTF-8 text with a matching extension', async () => {
    expect(kindOf('verslag.pdf', await pdfBytes())).toBe('pdf');
    expect(kindOf('Verslag.PDF', MINIMAL_PDF)).toBe('pdf');
    expect(kindOf('foto.png', PNG)).toBe('png');
    expect(kindOf('foto.jpg', JPEG)).toBe('jpeg');
    expect(kindOf('foto.jpeg', JPEG)).toBe('jpeg');
    expect(kindOf('verslag.docx', await docxBytes())).toBe('docx');
    expect(kindOf('overzicht.xlsx', await xlsxBytes())).toBe('xlsx');
    expect(kindOf('verslag.odt', odfBytes())).toBe('odt');
    expect(kindOf('notitie.txt', Buffer.from('Gesprek met mama: één afspraak, «goed».\n', 'utf8'))).toBe('txt');
    expect(kindOf('bom.txt', Buffer.from('\ufeffMet BOM', 'utf8'))).toBe('txt');
  });

  it('stores the detected media type and a cleaned file name, whatever the browser declared', () => {
    const result = checkDocument({ fileName: 'C:\\Users\\lbg\\Verslag gesprek.pdf', bytes: MINIMAL_PDF });
    expect(result).toEqual({
      ok: true,
      document: {
        kind: 'pdf',
        mediaType: 'application/pdf',
        fileName: 'Verslag gesprek.pdf',
        sizeBytes: MINIMAL_PDF.length,
      },
    });
  });
});

describe('refused uploads', () => {
  it('refuses an empty file', () => {
    expect(codes('leeg.pdf', new Uint8Array())).toEqual(['empty']);
  });

  it('refuses programs and scripts, also under an innocent name', () => {
    expect(codes('setup.exe', EXE)).toEqual(['forbidden-type']);
    expect(codes('verslag.pdf', EXE)).toEqual(['forbidden-type']);
    expect(codes('verslag.pdf.exe', MINIMAL_PDF)).toEqual(['forbidden-type']);
    expect(codes('prog.txt', Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1))).toEqual(['forbidden-type']);
    expect(codes('run.txt', Buffer.from('#!/bin/sh\nrm -rf /\n'))).toEqual(['forbidden-type']);
  });

  it('refuses HTML and SVG (script in the browser), whatever the extension', () => {
    expect(codes('pagina.html', HTML)).toEqual(['forbidden-type']);
    expect(codes('notitie.txt', HTML)).toEqual(['forbidden-type']);
    expect(codes('logo.svg', SVG)).toEqual(['forbidden-type']);
    expect(codes('logo.png', SVG)).toEqual(['forbidden-type']);
    expect(codes('tekst.txt', Buffer.from('Hallo\n<script>alert(1)</script>'))).toEqual(['forbidden-type']);
  });

  it('refuses an extension that does not match the content', async () => {
    expect(codes('verslag.docx', MINIMAL_PDF)).toEqual(['type-mismatch']);
    expect(codes('foto.png', JPEG)).toEqual(['type-mismatch']);
    expect(codes('verslag.pdf', await docxBytes())).toEqual(['type-mismatch']);
    expect(codes('verslag.txt', MINIMAL_PDF)).toEqual(['type-mismatch']);
    const problem = checkDocument({ fileName: 'verslag.docx', bytes: MINIMAL_PDF });
    expect(problem.ok ? null : problem.problems[0]?.nl).toContain('dit is een PDF');
  });

  it('accepts zip containers only as the office document they provably are', () => {
    expect(codes('archief.docx', PLAIN_ZIP)).toEqual(['unsupported-type']);
    expect(codes('archief.zip', PLAIN_ZIP)).toEqual(['unsupported-type']);
    expect(codes('sjabloon.odt', odfBytes('application/vnd.oasis.opendocument.text-template'))).toEqual([
      'unsupported-type',
    ]);
    const macro = Buffer.concat([PLAIN_ZIP, Buffer.from('[Content_Types].xml word/document.xml word/vbaProject.bin')]);
    expect(codes('macro.docx', macro)).toEqual(['macro']);
    expect(codes('macro.docm', macro)).toEqual(['forbidden-type']);
  });

  it('refuses binary and non-UTF-8 text, old Office files and names without an extension', () => {
    expect(codes('data.txt', Buffer.from('abc\0def'))).toEqual(['unsupported-type']);
    expect(codes('latin1.txt', Buffer.from('caf\xe9', 'latin1'))).toEqual(['not-utf8']);
    expect(codes('oud.doc', Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0))).toEqual([
      'unsupported-type',
    ]);
    expect(codes('verslag', MINIMAL_PDF)).toEqual(['file-name']);
  });

  it('gives every problem in Dutch and English', () => {
    for (const [name, bytes] of [
      ['a.exe', EXE],
      ['a.txt', new Uint8Array()],
      ['a.docx', MINIMAL_PDF],
      ['a.bin', Uint8Array.of(1, 2, 0)],
    ] as const) {
      const result = checkDocument({ fileName: name, bytes });
      expect(result.ok).toBe(false);
      for (const p of result.ok ? [] : result.problems) {
        expect(p.nl.length).toBeGreaterThan(10);
        expect(p.en.length).toBeGreaterThan(10);
        expect(p.field).toBe('file');
      }
    }
  });
});

describe('the size limit', () => {
  it('is 10 MiB, as data', () => {
    expect(DOCUMENT_LIMITS.maxBytes).toBe(10 * 1024 * 1024);
  });
  it('accepts exactly the maximum size and refuses one byte more', () => {
    expect(codes('groot.pdf', pdfOfSize(DOCUMENT_LIMITS.maxBytes))).toEqual([]);
    const over = checkDocument({ fileName: 'groot.pdf', bytes: pdfOfSize(DOCUMENT_LIMITS.maxBytes + 1) });
    expect(over.ok ? [] : over.problems.map((p) => p.code)).toEqual(['too-large']);
    expect(over.ok ? '' : over.problems[0]?.nl).toContain('groter dan 10 MB');
  });
});

describe('file names', () => {
  it('drops paths, control and direction characters, and keeps the extension when shortening', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('foto\u202Egnp.exe')).toBe('fotognp.exe');
    expect(safeFileName('a"b;c\r\n.pdf')).toBe('a_b_c.pdf');
    expect(safeFileName('.verborgen.pdf')).toBe('verborgen.pdf');
    const long = safeFileName(`${'x'.repeat(500)}.pdf`);
    expect(long).toHaveLength(DOCUMENT_LIMITS.maxFileName);
    expect(long.endsWith('.pdf')).toBe(true);
  });
  it('builds an attachment header that cannot be broken out of', () => {
    expect(contentDisposition('Verslag "één".pdf')).toBe(
      `attachment; filename="Verslag ___n_.pdf"; filename*=UTF-8''Verslag%20_%C3%A9%C3%A9n_.pdf`,
    );
    expect(contentDisposition('x\r\nSet-Cookie: a=b.pdf')).not.toMatch(/[\r\n]/);
  });
});

describe('properties', () => {
  const names = fc.oneof(
    fc.string(),
    fc.constantFrom('a.pdf', 'a.png', 'a.jpg', 'a.docx', 'a.xlsx', 'a.odt', 'a.txt', 'a.exe', 'a.html', 'a'),
  );
  it('any bytes and any name give an answer, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), names, (bytes, fileName) => {
        const result = checkDocument({ fileName, bytes });
        if (result.ok) {
          expect(DOCUMENT_TYPES.map((t) => t.mediaType)).toContain(result.document.mediaType);
          expect(result.document.kind).toBe(detectContent(bytes));
          expect(result.document.sizeBytes).toBe(bytes.length);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) expect(p.nl && p.en).toBeTruthy();
        }
      }),
      { numRuns: 2000 },
    );
  });
  it('magic prefixes with random tails never throw either', () => {
    const prefixes = [MINIMAL_PDF.subarray(0, 5), PNG.subarray(0, 8), JPEG.subarray(0, 3), PLAIN_ZIP, EXE];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 512 }), names, (prefix, tail, name) => {
        const bytes = Buffer.concat([prefix, tail]);
        expect(() => checkDocument({ fileName: name, bytes })).not.toThrow();
        if (prefix === EXE) expect(checkDocument({ fileName: name, bytes }).ok).toBe(false);
      }),
    );
  });
  it('a program is refused whatever it is called', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), names, (tail, name) => {
        expect(checkDocument({ fileName: name, bytes: Buffer.concat([Buffer.from('MZ'), tail]) }).ok).toBe(false);
      }),
    );
  });
});
