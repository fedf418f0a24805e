import iconv from 'iconv-lite';

/** Where the charset of a decoded body came from. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'xml-declaration' | 'default';

export interface DecodedBody {
  readonly text: string;
  /** The iconv-lite name of the charset used, e.g. `utf-8`, `windows-1250`. */
  readonly charset: string;
  readonly source: CharsetSource;
}

/** Bytes of the document head searched for a `<meta>` or XML declaration. */
const SNIFF_BYTES = 4096;

/** Labels that browsers read as another charset (WHATWG Encoding Standard). */
const LABEL_ALIASES: Readonly<Record<string, string>> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-cp1250': 'windows-1250',
  'x-cp1251': 'windows-1251',
  utf8: 'utf-8',
};

const BOMS: readonly (readonly [Buffer, string])[] = [
  [Buffer.from([0xef, 0xbb, 0xbf]), 'utf-8'],
  [Buffer.from([0xfe, 0xff]), 'utf-16be'],
  [Buffer.from([0xff, 0xfe]), 'utf-16le'],
];

/**
 * Decodes a page or feed body to text. The charset is taken, in order, from a
 * byte-order mark (which the HTML standard puts before the transport's word),
 * the Content-Type header, a `<meta charset>` or `<meta http-equiv>` in the
 * first 4 KiB, an XML declaration, else UTF-8. Unknown labels fall back to
 * UTF-8. The BOM is never part of the text.
 */
export function decodeBody(body: Uint8Array, contentType: string | undefined): DecodedBody {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  for (const [bom, charset] of BOMS) {
    if (bytes.subarray(0, bom.length).equals(bom)) {
      return { text: iconv.decode(bytes.subarray(bom.length), charset), charset, source: 'bom' };
    }
  }
  const found = charsetFromContentType(contentType, 'header') ?? sniffDocumentCharset(bytes);
  if (found !== null) return { text: iconv.decode(bytes, found.charset), ...found };
  return { text: iconv.decode(bytes, 'utf-8'), charset: 'utf-8', source: 'default' };
}

/** The charset parameter of a Content-Type value, when iconv-lite knows it. */
export function charsetFromContentType(
  contentType: string | undefined,
  source: CharsetSource = 'header',
): { charset: string; source: CharsetSource } | null {
  const match = /charset\s*=\s*["']?([^"';\s,]+)/i.exec(contentType ?? '');
  return match?.[1] === undefined ? null : known(match[1], source);
}

function sniffDocumentCharset(bytes: Buffer): { charset: string; source: CharsetSource } | null {
  // Latin-1 maps each byte to one char, so ASCII markup is readable whatever the real charset.
  const head = bytes.subarray(0, SNIFF_BYTES).toString('latin1');
  const metaCharset = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (metaCharset?.[1] !== undefined) {
    const charset = known(metaCharset[1], 'meta');
    if (charset !== null) return charset;
  }
  const xml = /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return xml?.[1] === undefined ? null : known(xml[1], 'xml-declaration');
}

function known(label: string, source: CharsetSource): { charset: string; source: CharsetSource } | null {
  const lower = label.trim().toLowerCase();
  const charset = LABEL_ALIASES[lower] ?? lower;
  return iconv.encodingExists(charset) ? { charset, source } : null;
}
