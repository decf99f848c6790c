// File names offered for download, and the one Content-Disposition header every download uses (RFC 6266): an
// ASCII fallback `filename` plus the exact name as `filename*=UTF-8''…` (RFC 8187). Names built from data (a
// pupil number, a school year, an uploaded document's name) can neither break the header nor make Node refuse it.

/** Longest file name offered (characters, extension included). */
export const FILE_NAME_MAX = 200;

// Invisible and direction-changing characters (an RTL override turns "gpj.exe" into "exe.jpg" on screen).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const RESERVED = /[<>:"/\\|?*;]/g;

/** The file name as stored and offered for download: no path, no control or direction characters, ≤ 200. */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = base.normalize('NFC').replace(UNSAFE_CHARACTERS, '').replace(RESERVED, '_').trim().replace(/^\.+/, '');
  if (clean.length <= FILE_NAME_MAX) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, FILE_NAME_MAX - extension.length) + extension;
}

/** `Content-Disposition: attachment` for a file name (made safe first; `download` when nothing is left). */
export function contentDisposition(fileName: string): string {
  const name = safeFileName(fileName) || 'download';
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
