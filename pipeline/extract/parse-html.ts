import { type CheerioAPI, load } from 'cheerio';
import type { PreparedHtml } from './prepare-html.ts';
import { scanHtml } from './scan-html.ts';

/** The options of htmlparser2's parse that scanHtml reproduces; cheerio renders and parses fragments with them. */
const PARSER_OPTIONS = { xml: { xmlMode: false, decodeEntities: true } } as const;

/**
 * Parses a prepared page into the tree `load(html, PARSER_OPTIONS)` builds
 * (htmlparser2), with nesting capped at `maxDepth`. scanHtml builds that tree
 * in one pass, twice as fast as htmlparser2 with prepareHtml's former depth
 * scan on news pages (bench/extract/parse.ts); cheerio wraps it without
 * parsing again. bench/extract/parse-equivalence.ts compares the trees of
 * both on every page of the evaluation data.
 */
export function parseHtml(prepared: PreparedHtml): CheerioAPI {
  return load(scanHtml(prepared.html, prepared.maxDepth), PARSER_OPTIONS);
}
