// Documents in the pupil file: the limits as data and the check of an upload by its content (magic bytes), never
// by the type the browser declares or by the extension alone. Pure: no I/O, no hashing (the use case hashes).
import { FILE_NAME_MAX, safeFileName } from '../download-name.ts';
import type { Problem } from './workflows/problem.ts';

/**
 * Product limits (docs/decisions/0005-file-documents-in-database.md). 10 MiB holds a scanned multi-page letter,
 * a CLB report or a photo of a handwritten note; larger material belongs in the school's own document system.
 */
export const DOCUMENT_LIMITS = {
  /** Largest accepted document: 10 MiB (10,485,760 bytes); exactly this size is accepted, one byte more is not. */
  maxBytes: 10 * 1024 * 1024,
  maxTitle: 200,
  maxDescription: 2000,
  maxFileName: FILE_NAME_MAX,
} as const;

type DocumentKind = 'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx' | 'odt' | 'txt';

interface DocumentType {
  kind: DocumentKind;
  /** The media type the document is stored and served with (as detected, never as declared). */
  mediaType: string;
  extensions: readonly string[];
  nl: string;
  en: string;
}

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  { kind: 'pdf', mediaType: 'application/pdf', extensions: ['pdf'], nl: 'PDF', en: 'PDF' },
  { kind: 'png', mediaType: 'image/png', extensions: ['png'], nl: 'PNG-afbeelding', en: 'PNG image' },
  { kind: 'jpeg', mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], nl: 'JPEG-foto', en: 'JPEG photo' },
  {
    kind: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    nl: 'Word-document',
    en: 'Word document',
  },
  {
    kind: 'xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    nl: 'Excel-rekenblad',
    en: 'Excel spreadsheet',
  },
  {
    kind: 'odt',
    mediaType: 'application/vnd.oasis.opendocument.text',
    extensions: ['odt'],
    nl: 'OpenDocument-tekst',
    en: 'OpenDocument text',
  },
  { kind: 'txt', mediaType: 'text/plain; charset=utf-8', extensions: ['txt'], nl: 'tekstbestand', en: 'text file' },
];

/** Extensions refused outright: programs, scripts, installers, web pages and images that can carry script. */
// biome-ignore format: several words per line read better than one per line
const FORBIDDEN_EXTENSIONS: ReadonlySet<string> = new Set([
  'exe', 'com', 'bat', 'cmd', 'msi', 'msp', 'scr', 'pif', 'cpl', 'dll', 'sys', 'lnk', 'reg', 'inf',
  'ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'cjs', 'wsf', 'wsh', 'hta', 'jar', 'apk', 'app',
  'sh', 'bash', 'zsh', 'run', 'bin', 'elf', 'deb', 'rpm', 'dmg', 'pkg', 'iso', 'wasm',
  'html', 'htm', 'xhtml', 'shtml', 'mht', 'mhtml', 'svg', 'svgz', 'xml', 'xsl', 'xslt',
  'php', 'py', 'pl', 'rb', 'docm', 'dotm', 'xlsm', 'xltm', 'pptm',
]);

/** What the content turned out to be: an accepted kind, or why it cannot be one. */
type Detection =
  | DocumentKind
  | 'empty'
  | 'executable'
  | 'markup'
  | 'macro'
  | 'archive'
  | 'legacy-office'
  | 'not-utf8'
  | 'binary';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const SIGNATURES: readonly [Uint8Array, Detection][] = [
  [ascii('%PDF-'), 'pdf'],
  [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'png'],
  [Uint8Array.of(0xff, 0xd8, 0xff), 'jpeg'],
  [ascii('MZ'), 'executable'], // Windows / DOS programs
  [Uint8Array.of(0x7f, 0x45, 0x4c, 0x46), 'executable'], // ELF
  [Uint8Array.of(0xfe, 0xed, 0xfa, 0xce), 'executable'], // Mach-O
  [Uint8Array.of(0xfe, 0xed, 0xfa, 0xcf), 'executable'],
  [Uint8Array.of(0xce, 0xfa, 0xed, 0xfe), 'executable'],
  [Uint8Array.of(0xcf, 0xfa, 0xed, 0xfe), 'executable'],
  [Uint8Array.of(0xca, 0xfe, 0xba, 0xbe), 'executable'], // Mach-O universal, Java class
  [Uint8Array.of(0x00, 0x61, 0x73, 0x6d), 'executable'], // WebAssembly
  [ascii('#!'), 'executable'], // scripts
  [Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'legacy-office'], // .doc, .xls, .msi
];
const ZIP = Uint8Array.of(0x50, 0x4b, 0x03, 0x04);
const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

const startsWith = (bytes: Uint8Array, prefix: Uint8Array, at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

function indexOf(bytes: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  for (let i = bytes.indexOf(first as number, from); i >= 0 && i <= bytes.length - needle.length; ) {
    if (startsWith(bytes, needle, i)) return i;
    i = bytes.indexOf(first as number, i + 1);
  }
  return -1;
}

const u16 = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const u32 = (bytes: Uint8Array, at: number) => (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;

/**
 * A zip container is only accepted as an office document it provably is: ODF names its type in a first,
 * uncompressed `mimetype` entry; OOXML has `[Content_Types].xml` and its main part. Entry names are stored
 * uncompressed, so they can be found in the bytes. Macro projects are refused.
 */
function detectZip(bytes: Uint8Array): Detection {
  const nameLength = u16(bytes, 26);
  const name = String.fromCharCode(...bytes.subarray(30, 30 + Math.min(nameLength, 64)));
  if (name === 'mimetype' && u16(bytes, 8) === 0) {
    const start = 30 + nameLength + u16(bytes, 28);
    const type = String.fromCharCode(...bytes.subarray(start, start + Math.min(u32(bytes, 18), 100)));
    return type === 'application/vnd.oasis.opendocument.text' ? 'odt' : 'archive';
  }
  if (indexOf(bytes, ascii('vbaProject.bin')) >= 0) return 'macro';
  if (indexOf(bytes, ascii('[Content_Types].xml')) < 0) return 'archive';
  if (indexOf(bytes, ascii('word/document.xml')) >= 0) return 'docx';
  if (indexOf(bytes, ascii('xl/workbook.xml')) >= 0) return 'xlsx';
  return 'archive';
}

const MARKUP_START = /^\s*<[a-z!?]/i;
const MARKUP_ANYWHERE = /<(script|html|svg|iframe|body|object|embed)[\s>/]/i;

function detectText(bytes: Uint8Array): Detection {
  if (bytes.includes(0)) return 'binary';
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return 'not-utf8';
  }
  const head = text.slice(0, 4096);
  if (MARKUP_START.test(head) || MARKUP_ANYWHERE.test(head)) return 'markup';
  if (head.trimStart().startsWith('#!')) return 'executable';
  return 'txt';
}

/** What the bytes are, by their magic numbers and structure; the file name plays no part. */
export function detectContent(bytes: Uint8Array): Detection {
  if (bytes.length === 0) return 'empty';
  for (const [signature, detection] of SIGNATURES) if (startsWith(bytes, signature)) return detection;
  if (startsWith(bytes, ZIP)) return detectZip(bytes);
  return detectText(bytes);
}

/** The lower-case extension after the last dot ('' when none). */
function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

const problem = (code: string, nl: string, en: string): Problem => ({ field: 'file', code, nl, en });
const typeOf = (kind: DocumentKind) => DOCUMENT_TYPES.find((t) => t.kind === kind) as DocumentType;
const ACCEPTED_NL = 'PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), OpenDocument-tekst (.odt) of tekst (.txt, UTF-8)';
const ACCEPTED_EN = 'PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), OpenDocument text (.odt) or text (.txt, UTF-8)';
const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

interface AcceptedDocument {
  kind: DocumentKind;
  mediaType: string;
  fileName: string;
  sizeBytes: number;
}

type DocumentCheck = { ok: true; document: AcceptedDocument } | { ok: false; problems: Problem[] };

/**
 * Checks an upload: not empty, within the size limit, an accepted kind by its content, and an extension that
 * matches that content. Never throws: any bytes and any name give an answer.
 */
export function checkDocument(input: { fileName: string; bytes: Uint8Array }): DocumentCheck {
  const { bytes } = input;
  const problems: Problem[] = [];
  const fileName = safeFileName(input.fileName);
  const extension = extensionOf(fileName);
  if (bytes.length === 0)
    return { ok: false, problems: [problem('empty', 'Het bestand is leeg.', 'The file is empty.')] };
  if (bytes.length > DOCUMENT_LIMITS.maxBytes)
    problems.push(
      problem(
        'too-large',
        `Het bestand is groter dan ${megabytes(DOCUMENT_LIMITS.maxBytes)} (${megabytes(bytes.length)}). Verklein het of bewaar het als PDF.`,
        `The file is larger than ${megabytes(DOCUMENT_LIMITS.maxBytes)} (${megabytes(bytes.length)}). Make it smaller or save it as PDF.`,
      ),
    );
  if (fileName === '' || extension === '')
    problems.push(
      problem(
        'file-name',
        'Het bestand heeft geen naam met een extensie (zoals .pdf).',
        'The file has no name with an extension (such as .pdf).',
      ),
    );
  const detected = detectContent(bytes);
  if (FORBIDDEN_EXTENSIONS.has(extension) || detected === 'executable' || detected === 'markup')
    problems.push(
      problem(
        'forbidden-type',
        'Programma’s, scripts, webpagina’s (HTML) en SVG-afbeeldingen worden om veiligheidsredenen niet aanvaard.',
        'Programs, scripts, web pages (HTML) and SVG images are refused for security reasons.',
      ),
    );
  else if (detected === 'macro')
    problems.push(
      problem(
        'macro',
        'Documenten met macro’s worden niet aanvaard. Bewaar het zonder macro’s of als PDF.',
        'Documents with macros are refused. Save it without macros or as PDF.',
      ),
    );
  else if (detected === 'not-utf8' && extension === 'txt')
    problems.push(
      problem(
        'not-utf8',
        'Dit tekstbestand is geen geldige UTF-8-tekst. Bewaar het als UTF-8 of als PDF.',
        'This text file is not valid UTF-8. Save it as UTF-8 or as PDF.',
      ),
    );
  else if (!DOCUMENT_TYPES.some((t) => t.kind === detected))
    problems.push(
      problem(
        'unsupported-type',
        `Dit soort bestand wordt niet aanvaard. Aanvaard: ${ACCEPTED_NL}.`,
        `This kind of file is not accepted. Accepted: ${ACCEPTED_EN}.`,
      ),
    );
  else if (extension !== '' && !typeOf(detected as DocumentKind).extensions.includes(extension)) {
    const type = typeOf(detected as DocumentKind);
    problems.push(
      problem(
        'type-mismatch',
        `De extensie .${extension} past niet bij de inhoud: dit is een ${type.nl}. Geef het bestand de juiste extensie (.${type.extensions[0]}).`,
        `The extension .${extension} does not match the content: this is a ${type.en}. Give the file the right extension (.${type.extensions[0]}).`,
      ),
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  const type = typeOf(detected as DocumentKind);
  return { ok: true, document: { kind: type.kind, mediaType: type.mediaType, fileName, sizeBytes: bytes.length } };
}
