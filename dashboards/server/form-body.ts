/**
 * The text fields of a small `multipart/form-data` body (RFC 7578), the
 * encoding RFC 8058 recommends for one-click unsubscribe POSTs: each part's
 * `name` from its Content-Disposition and its value. File parts are read as
 * text like any other; nothing here is large (the route caps bodies at a few KB).
 * Null when the content type names no boundary or the body has no parts.
 */
export function parseMultipartFields(body: string, contentType: string | undefined): URLSearchParams | null {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  const delimiter = boundary?.[1] ?? boundary?.[2];
  if (delimiter === undefined) return null;
  const fields = new URLSearchParams();
  for (const part of body.split(`--${delimiter}`).slice(1)) {
    // The closing delimiter is `--boundary--`.
    if (part.startsWith('--')) break;
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const name = /content-disposition:[^\r\n]*;\s*name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) continue;
    // The value ends with the CRLF that precedes the next delimiter.
    fields.append(name, part.slice(headerEnd + 4).replace(/\r\n$/, ''));
  }
  return [...fields.keys()].length === 0 ? null : fields;
}
