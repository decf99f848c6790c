// How the API sends a stored file of a pupil's file (a document, or a transferred copy of one): as an attachment in
// its own media type, never sniffed, never cached, and sandboxed should a browser open it anyway.
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../domain/download-name.ts';

export function sendStoredFile(reply: FastifyReply, file: { mediaType: string; fileName: string; content: Buffer }) {
  return reply
    .type(file.mediaType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.content);
}
