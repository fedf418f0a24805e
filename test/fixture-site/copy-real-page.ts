/**
 * Copies one real page from ../shared/data into the fixture site, trimmed to keep
 * the repository small: inline and external scripts (except JSON-LD), styles,
 * SVG, iframes, noscript blocks and comments are removed; everything else
 * (markup, metadata, text) is kept as published. The page is stored as UTF-8;
 * the server re-encodes it when an outlet serves it in a legacy charset.
 *
 * Usage: `node test/fixture-site/copy-real-page.ts <source.html[.gz]> <dest.html>`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const REMOVED_BLOCKS: readonly RegExp[] = [
  /<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi,
  /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi,
  /<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi,
  /<noscript\b[^>]*>[\s\S]*?<\/noscript\s*>/gi,
  /<iframe\b[^>]*>[\s\S]*?<\/iframe\s*>/gi,
  /<template\b[^>]*>[\s\S]*?<\/template\s*>/gi,
  /<!--[\s\S]*?-->/g,
  /<source\b[^>]*>/gi,
  // Long attribute values are client-side state (serialised JSON), never article text.
  /\s(?!content=)[\w:-]+="[^"]{500,}"/g,
  /\s(?!content=)[\w:-]+='[^']{500,}'/g,
  /<link\b[^>]*rel=["']?(?:stylesheet|preload|prefetch|preconnect|dns-prefetch|modulepreload)["']?[^>]*>/gi,
];

/** Removes the blocks a crawler and an extractor do not need from a page. */
export function trimPage(html: string): string {
  let out = html;
  for (const pattern of REMOVED_BLOCKS) out = out.replace(pattern, '');
  return out.replace(/\n\s*\n+/g, '\n');
}

if (import.meta.main) {
  const [source, dest] = process.argv.slice(2);
  if (source === undefined || dest === undefined) {
    console.error('usage: node test/fixture-site/copy-real-page.ts <source.html[.gz]> <dest.html>');
    process.exit(2);
  }
  const raw = readFileSync(source);
  const html = (source.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const trimmed = trimPage(html);
  writeFileSync(dest, trimmed);
  console.log(`${dest}: ${html.length} -> ${trimmed.length} characters`);
}
