import { type CheerioAPI, load } from 'cheerio';
import type { Document } from 'domhandler';
import type { PreparedHtml } from './prepare-html.ts';
import { scanHtml } from './scan-html.ts';

/** The options of htmlparser2's parse that scanHtml reproduces; cheerio renders and parses fragments with them. */
const PARSER_OPTIONS = { xml: { xmlMode: false, decodeEntities: true } } as const;

/**
 * Parses a prepared page into the document htmlparser2's
 * `parseDocument(html, { xmlMode: false, decodeEntities: true })` builds,
 * with nesting capped at `maxDepth`. scanHtml builds that tree in one pass,
 * twice as fast as htmlparser2 with prepareHtml's former depth scan on news
 * pages (bench/extract/parse.ts). bench/extract/parse-equivalence.ts
 * compares the trees of both on every page of the evaluation data.
 */
export function parseDocument(prepared: PreparedHtml): Document {
  return scanHtml(prepared.html, prepared.maxDepth);
}

/**
 * A cheerio API over a parsed document, for what needs selectors (per-site
 * overrides): the document is not copied, so its nodes are the ones `$`
 * selects and changes. Only for pages that need it: cheerio's `load` creates a
 * class per call, which keeps the whole tree alive through the young
 * generation's garbage collections (every tree of a run was promoted to the
 * old generation: 19 of every 50 MB allocated survived, and garbage
 * collection took a fifth of extraction's time).
 */
export function wrapDocument(document: Document): CheerioAPI {
  return load(document, PARSER_OPTIONS);
}

/** {@link parseDocument}, wrapped in cheerio: the tree `load(html, PARSER_OPTIONS)` builds. */
export function parseHtml(prepared: PreparedHtml): CheerioAPI {
  return wrapDocument(parseDocument(prepared));
}
