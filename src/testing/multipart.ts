// A multipart/form-data body as a browser sends it: the fields first, then one file (for app.inject uploads).
export function multipart(fields: Record<string, string>, file?: { name: string; type?: string; content: Uint8Array }) {
  const boundary = `----aanwezig${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** An import upload (text defaults to CSV), with the content-type header ready for `app.inject`. */
export function multipartUpload(
  fields: Record<string, string>,
  file: { name: string; content: string | Buffer; type?: string },
): { payload: Buffer; headers: Record<string, string> } {
  const content = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
  const body = multipart(fields, { name: file.name, type: file.type ?? 'text/csv', content });
  return { payload: body.payload, headers: { 'content-type': body.contentType } };
}
