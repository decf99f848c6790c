// The readable text of an HTTP response, whatever its format: JSON, CSV and HTML as they are; a PDF (pdfkit,
// compressed content streams) by inflating its streams and decoding the text operators; a DOCX or XLSX by
// unzipping it. Confidentiality tests search this text for markers, so a compressed export cannot hide a leak.
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';

/** The text a PDF written by pdfkit shows: every `[<hex> kerning <hex> …] TJ` and `<hex> Tj` of every stream. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const stream = /stream\r?\n/g;
  for (let match = stream.exec(raw); match; match = stream.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = Buffer.from(raw.slice(start, end), 'latin1');
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const [, array] of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g))
      lines.push(
        [...(array ?? '').matchAll(/<([0-9a-fA-F]*)>/g)]
          .map(([, hex]) => Buffer.from(hex ?? '', 'hex').toString('latin1'))
          .join(''),
      );
    for (const [, hex] of content.matchAll(/<([0-9a-fA-F]*)>\s*Tj/g))
      lines.push(Buffer.from(hex ?? '', 'hex').toString('latin1'));
    stream.lastIndex = end;
  }
  return lines.join('\n');
}

/** The XML text of every part of a zip container (DOCX, XLSX, ODF). */
async function zipText(zip: Buffer): Promise<string> {
  const archive = await JSZip.loadAsync(zip);
  const parts = await Promise.all(Object.values(archive.files).map((file) => file.async('string')));
  return parts.join('\n');
}

const ZIP_SIGNATURE = Buffer.from('PK\x03\x04', 'latin1');

/** The response body as searchable text. */
export async function responseText(response: { rawPayload: Buffer; headers: Record<string, unknown> }) {
  const body = response.rawPayload;
  if (String(response.headers['content-type'] ?? '').startsWith('application/pdf')) return pdfText(body);
  if (body.subarray(0, 4).equals(ZIP_SIGNATURE)) return zipText(body);
  return body.toString('utf8');
}
