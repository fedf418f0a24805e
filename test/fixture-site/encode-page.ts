import iconv from 'iconv-lite';
import type { CharsetDeclaration, FixtureEncoding } from './types.ts';

const META_CHARSET = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/gi;
const META_HTTP_EQUIV = /<meta\s+http-equiv\s*=\s*["']?content-type["']?[^>]*>/gi;
const SCRIPT_BLOCK = /(<script\b[^>]*>[\s\S]*?<\/script\s*>)/gi;

const encodableCache = new Map<string, boolean>();

function isEncodable(char: string, encoding: FixtureEncoding): boolean {
  const key = `${encoding}:${char}`;
  let known = encodableCache.get(key);
  if (known === undefined) {
    known = iconv.decode(iconv.encode(char, encoding), encoding) === char;
    encodableCache.set(key, known);
  }
  return known;
}

/**
 * Replaces characters the encoding cannot represent: by a numeric character
 * reference in markup, by a `\uXXXX` escape inside scripts (JSON-LD), as a
 * legacy-charset site would have to.
 */
function escapeUnencodable(html: string, encoding: FixtureEncoding): string {
  return html
    .split(SCRIPT_BLOCK)
    .map((part, index) => {
      const isScript = index % 2 === 1;
      let out = '';
      for (const char of part) {
        if (char.charCodeAt(0) < 0x80 || isEncodable(char, encoding)) out += char;
        else if (isScript) {
          for (let i = 0; i < char.length; i++)
            out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
        } else out += `&#${char.codePointAt(0)};`;
      }
      return out;
    })
    .join('');
}

/**
 * Puts the page's charset declaration where the fixture says: the page's own
 * `<meta charset>` rewritten in place (or one added after `<head>`), or none.
 */
function declareCharset(html: string, encoding: FixtureEncoding, declaredIn: CharsetDeclaration): string {
  const meta = `<meta charset="${encoding}">`;
  const withoutHttpEquiv = html.replace(META_HTTP_EQUIV, '');
  if (declaredIn === 'header') return withoutHttpEquiv.replace(META_CHARSET, '');
  let isFirst = true;
  const rewritten = withoutHttpEquiv.replace(META_CHARSET, () => {
    const replacement = isFirst ? meta : '';
    isFirst = false;
    return replacement;
  });
  if (!isFirst) return rewritten;
  const head = /<head(?:\s[^>]*)?>/i.exec(rewritten);
  if (head === null) return `${meta}\n${rewritten}`;
  const at = head.index + head[0].length;
  return `${rewritten.slice(0, at)}\n${meta}${rewritten.slice(at)}`;
}

/** The bytes and Content-Type of an HTML page served in `encoding`, declared as the fixture says. */
export function encodeHtmlPage(
  html: string,
  encoding: FixtureEncoding,
  declaredIn: CharsetDeclaration,
): { readonly body: Buffer; readonly contentType: string } {
  const declared = declareCharset(html, encoding, declaredIn);
  const body =
    encoding === 'utf-8'
      ? Buffer.from(declared, 'utf8')
      : iconv.encode(escapeUnencodable(declared, encoding), encoding);
  const contentType = declaredIn === 'meta' ? 'text/html' : `text/html; charset=${encoding}`;
  return { body, contentType };
}
