import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { ExtractionOverrides } from '../../config/types.ts';
import type { FetchedPage } from '../../crawlers/types.ts';
import type { ExtractedArticle, ExtractResult } from '../types.ts';
import { cleanAuthors } from './authors.ts';
import { findBoilerplate, scriptsInHead } from './boilerplate.ts';
import { parseMetadataDate, plausibleDate } from './dates.ts';
import { type DocumentIndex, indexDocument } from './document-index.ts';
import { isElement, squeeze } from './dom-text.ts';
import {
  blocksToText,
  collectBlocks,
  findMainContainers,
  type IsOverTime,
  type TextBlock,
} from './main-text.ts';
import { type DeclaredMetadata, readDeclaredMetadata } from './metadata.ts';
import { checkResponse, type NotArticle } from './page-kind.ts';
import { parseDocument, parseHtml, wrapDocument } from './parse-html.ts';
import { prepareHtml } from './prepare-html.ts';
import { isShortText, measureTree, measureWithout } from './text-measures.ts';
import { hostLabel, removeSiteName } from './title.ts';
import { readBylines, readStandfirst, readVisibleDates } from './visible-fields.ts';
import { NOT_FOUND_TITLE, TAG_PATH_SEGMENT } from './vocabulary.ts';

export { cleanAuthors } from './authors.ts';
export { parseMetadataDate, parseTextDate } from './dates.ts';
export { parseClockTime, parseRelativeDate } from './relative-dates.ts';
export { removeSiteName } from './title.ts';

/** Every threshold of the extract stage, in one place. */
export const EXTRACTION_LIMITS = {
  /** Default hard time limit per page, ms. */
  timeLimitMs: 2000,
  /** HTML beyond this many characters (~5 MB) is cut before parsing. */
  maxHtmlChars: 5_000_000,
  /** Elements nested deeper than this are flattened before parsing. */
  maxNestingDepth: 400,
  /** A page whose first 4 KiB hold more than this share of control characters is binary. */
  maxBinaryShare: 0.05,
  /** Body text shorter than this (characters) is not an article: "too-short". */
  minBodyChars: 250,
  /** A page without article metadata is a listing when its links carry at least this share of its text… */
  listingLinkDensity: 0.5,
  /** …or when its main text is shorter than this while it has many headline links. */
  listingMaxBodyChars: 1500,
  /** A last path segment of this many words marks an article address, never taken for a listing. */
  articleSlugWords: 4,
  /** Links of 4+ words needed to call a page a listing. */
  listingMinHeadlineLinks: 12,
  /** A soft 404 (a "not found" title with status 200) has less body text than this. */
  softNotFoundMaxChars: 1000,
} as const;

/** Options of {@link extractArticle}. */
export interface ExtractOptions {
  /** IANA time zone for dates printed without one. Default `UTC`. */
  readonly timeZone?: string;
  /** Per-site selectors; each replaces only the field it names. */
  readonly overrides?: ExtractionOverrides;
  /** Hard time limit in ms, checked between phases. Default {@link EXTRACTION_LIMITS}.timeLimitMs. */
  readonly timeLimitMs?: number;
}

class ExtractionTimeout {
  readonly phase: string;
  constructor(phase: string) {
    this.phase = phase;
  }
}

function first<T>(values: readonly T[]): T | undefined {
  return values[0];
}

function selectText($: CheerioAPI | null, selector: string | undefined): string | null {
  if (selector === undefined || $ === null) return null;
  try {
    const text = squeeze($(selector).first().text());
    return text === '' ? null : text;
  } catch {
    return null;
  }
}

function selectDateValue($: CheerioAPI | null, selector: string | undefined): string | null {
  if (selector === undefined || $ === null) return null;
  try {
    const element = $(selector).first();
    return element.attr('datetime') ?? element.attr('content') ?? selectText($, selector);
  } catch {
    return null;
  }
}

function resolveUrl(candidates: readonly string[], base: string): string {
  for (const candidate of candidates) {
    try {
      const url = new URL(candidate.trim(), base);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
    } catch {
      // Not a URL; try the next candidate.
    }
  }
  return base;
}

function firstDate(values: readonly string[], timeZone: string, fetchedAt: string): string | null {
  for (const value of values) {
    const date = plausibleDate(parseMetadataDate(value, timeZone), fetchedAt);
    if (date !== null) return date;
  }
  return null;
}

function isArticleTyped(meta: DeclaredMetadata): boolean {
  return meta.jsonLd !== null || meta.ogType === 'article';
}

/** Links under `root` whose text has at least four words (headline links); links over 300 characters are not headlines. */
function headlineLinkCount(document: DocumentIndex, root: AnyNode): number {
  let count = 0;
  for (const link of document.named('a')) {
    const measure = document.measures.of(link);
    if (measure.gaps >= 3 && isShortText(measure, 300) && isInside(link, root)) count += 1;
  }
  return count;
}

function isInside(node: AnyNode, ancestor: AnyNode): boolean {
  for (let parent = node.parent; parent !== null; parent = parent.parent)
    if (parent === ancestor) return true;
  return false;
}

/**
 * Reads one fetched page into an {@link ExtractedArticle}, or says why it is
 * not an article (`not-html`, `error-page`, `tag-page`, `listing-page`,
 * `video-only`, `paywall-stub`, `too-short`, `extraction-timeout`). Pure and
 * synchronous; never throws. Thresholds: {@link EXTRACTION_LIMITS}.
 *
 * Precedence of the metadata fields: JSON-LD article > OpenGraph > meta tags >
 * microdata > `<time datetime>` > visible text (see `DeclaredMetadata`).
 * Title: JSON-LD headline > og:title > itemprop headline > `<h1>` > `<title>`,
 * site name removed. Dates become ISO-8601 UTC; a value without an offset is
 * read in `timeZone`; the modified date never stands in for the published one;
 * dates over a day after `fetchedAt` are dropped. Canonical URL: `<link
 * rel=canonical>` > og:url > JSON-LD url, resolved against the final URL and
 * kept when http(s), else the final URL. Declared language: `<html lang>` >
 * og:locale > JSON-LD inLanguage, lower-cased. Lead: the description, else a
 * standfirst element.
 */
export function extractArticle(page: FetchedPage, options: ExtractOptions = {}): ExtractResult {
  const startedAt = performance.now();
  const limitMs = options.timeLimitMs ?? EXTRACTION_LIMITS.timeLimitMs;
  const isOverTime = (): boolean => performance.now() - startedAt > limitMs;
  const checkpoint = (phase: string): void => {
    if (isOverTime()) throw new ExtractionTimeout(phase);
  };
  try {
    checkpoint('start');
    return extractChecked(page, options, checkpoint, isOverTime);
  } catch (error) {
    if (error instanceof ExtractionTimeout) {
      return { ok: false, reason: 'extraction-timeout', detail: `over ${limitMs} ms, during ${error.phase}` };
    }
    // A parser or selector bug on one page must not stop a crawl; report it as a non-article.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      ok: false,
      reason: 'extraction-failed',
      detail: `could not read the page: ${message.slice(0, 200)}`,
    };
  }
}

function extractChecked(
  page: FetchedPage,
  options: ExtractOptions,
  checkpoint: (phase: string) => void,
  isOverTime: () => boolean,
): ExtractResult {
  const rejected = checkResponse(page, EXTRACTION_LIMITS.maxBinaryShare);
  if (rejected !== null) return { ok: false, ...rejected };
  const timeZone = options.timeZone ?? 'UTC';
  const overrides = options.overrides;
  const html = prepareHtml(page.html, {
    maxChars: EXTRACTION_LIMITS.maxHtmlChars,
    maxDepth: EXTRACTION_LIMITS.maxNestingDepth,
  });
  checkpoint('input preparation');
  const root = parseDocument(html);
  const document = indexDocument(root);
  // Only per-site overrides need selectors (see wrapDocument).
  const $ = overrides === undefined ? null : wrapDocument(root);
  checkpoint('parsing');

  const meta = readDeclaredMetadata(document);
  const visibleDates = readVisibleDates(document, timeZone, page.fetchedAt);
  const bylines = readBylines(document);
  const standfirst = readStandfirst(document);
  const overrideTitle = selectText($, overrides?.title);
  const overrideAuthor = selectText($, overrides?.author);
  const overrideDate = selectDateValue($, overrides?.date);
  const url = page.finalUrl || page.url;
  checkpoint('metadata');

  if (TAG_PATH_SEGMENT.test(new URL(url, 'http://invalid/').pathname) && !isArticleTyped(meta)) {
    return { ok: false, reason: 'tag-page', detail: `tag or topic index: ${url}` };
  }
  const pageRoot = document.named('body')[0] ?? root;
  const pageStats = pageRoot === undefined ? { length: 0, linkChars: 0 } : document.measures.of(pageRoot);
  const headlineLinks = pageRoot === undefined ? 0 : headlineLinkCount(document, pageRoot);
  const title =
    overrideTitle ?? removeSiteName(first(meta.titles) ?? '', [...meta.siteNames, hostLabel(url) ?? '']);
  // A body selector that matches is trusted: inside it only junk tags and the `remove` selectors go,
  // in both passes alike, so a second pass would read the same text.
  const hasBodyOverride =
    $ !== null && overrides?.body !== undefined && safeSelect($, overrides.body).length > 0;
  const selectors =
    overrides?.body !== undefined || (overrides?.remove ?? []).length > 0 ? overrides : undefined;
  let body =
    selectors === undefined || $ === null
      ? readMainText(document, title, true, isOverTime)
      : readMainTextBySelectors($, selectors, title, !hasBodyOverride, isOverTime);
  checkpoint('main text');
  if (body.length < EXTRACTION_LIMITS.minBodyChars && !hasBodyOverride) {
    // Some sites wrap the article in elements named like boilerplate ("widget", "sidebar-grid"): retry gently.
    const relaxed =
      selectors === undefined || $ === null
        ? readMainText(document, title, false, isOverTime)
        : readMainTextBySelectors(parseHtml(html), selectors, title, false, isOverTime);
    if (relaxed.length > body.length) body = relaxed;
    checkpoint('main text, second pass');
  }

  const verdict = classify(
    meta,
    body,
    title,
    url,
    pageStats.linkChars / Math.max(1, pageStats.length),
    headlineLinks,
  );
  if (verdict !== null) return { ok: false, ...verdict };

  const publishedAt =
    (overrideDate === null
      ? null
      : plausibleDate(parseMetadataDate(overrideDate, timeZone), page.fetchedAt)) ??
    firstDate(meta.published, timeZone, page.fetchedAt) ??
    plausibleDate(visibleDates.published, page.fetchedAt);
  const modifiedAt =
    firstDate(meta.modified, timeZone, page.fetchedAt) ??
    plausibleDate(visibleDates.modified, page.fetchedAt);
  const authors = cleanAuthors(overrideAuthor !== null ? [overrideAuthor] : meta.authors);
  const article: ExtractedArticle = {
    url,
    canonicalUrl: resolveUrl(meta.canonicalUrls, url),
    title,
    lead: first(meta.descriptions) ?? standfirst,
    body,
    authors: authors.length > 0 ? authors : cleanAuthors(bylines),
    section: first(meta.sections) ?? null,
    keywords: [...new Set(meta.keywords)],
    publishedAt,
    modifiedAt,
    declaredLanguage: first(meta.languages)?.trim().toLowerCase() ?? null,
  };
  return { ok: true, article };
}

/**
 * The main text of the page `document` indexes, boilerplate left out (strict
 * or not: see {@link findBoilerplate}); the tree is not changed.
 */
function readMainText(
  document: DocumentIndex,
  title: string,
  isStrict: boolean,
  isOverTime: IsOverTime,
): string {
  const root = document.root;
  if (root === undefined) return '';
  const removed = new Set<AnyNode>([
    ...findBoilerplate(document.named('body')[0] ?? root, document, isStrict),
    // Their text is never read; left out all the same, as readMainTextBySelectors removes them.
    ...scriptsInHead([...document.named('script'), ...document.named('style')]),
  ]);
  const roots = findMainContainers(root, measureWithout(document.measures, removed), removed, isOverTime);
  return textOf(collectBlocks(roots, removed), title);
}

/**
 * The main text by the per-site selectors: removes the `remove` selectors'
 * elements and the boilerplate from `$` (in place), then reads the `body`
 * selector's elements, or, when it matches nothing, the generic finder's.
 */
function readMainTextBySelectors(
  $: CheerioAPI,
  overrides: ExtractionOverrides,
  title: string,
  isStrict: boolean,
  isOverTime: IsOverTime,
): string {
  for (const selector of overrides.remove ?? []) {
    try {
      $(selector).remove();
    } catch {
      // An invalid override selector removes nothing; the config check reports it.
    }
  }
  const before = indexDocument($.root()[0]);
  const root = before.root;
  if (root === undefined) return '';
  $(findBoilerplate(before.named('body')[0] ?? root, before, isStrict)).remove();
  $(scriptsInHead(before.elements)).remove();
  let roots = overrides.body === undefined ? [] : safeSelect($, overrides.body);
  if (roots.length === 0) roots = findMainContainers(root, measureTree(root), new Set(), isOverTime);
  return textOf(collectBlocks(roots, new Set()), title);
}

/** The body text of the blocks, a first block that repeats the title left out. */
function textOf(blocks: readonly TextBlock[], title: string): string {
  return blocksToText(blocks.filter((block, index) => !(index === 0 && block.text === title)));
}

function safeSelect($: CheerioAPI, selector: string): Element[] {
  try {
    return $(selector).toArray().filter(isElement);
  } catch {
    // An invalid override selector falls back to the generic finder; the config check reports it.
    return [];
  }
}

/**
 * True when the last path segment of `url` reads like one article's address: a
 * slug of at least {@link EXTRACTION_LIMITS}.articleSlugWords words or a
 * numeric id of 5+ digits. Section and listing pages have short paths.
 */
function hasArticleSlug(url: string): boolean {
  let segments: string[];
  try {
    segments = new URL(url).pathname.split('/').filter((segment) => segment !== '');
  } catch {
    return false;
  }
  const last = (segments.at(-1) ?? '').replace(/\.[a-z]{2,5}$/i, '');
  const words = last.split(/[-_+]+/).filter((word) => /\p{L}/u.test(word));
  return words.length >= EXTRACTION_LIMITS.articleSlugWords || /\d{5,}/.test(last);
}

function classify(
  meta: DeclaredMetadata,
  body: string,
  title: string,
  url: string,
  pageLinkDensity: number,
  headlineLinks: number,
): NotArticle | null {
  const limits = EXTRACTION_LIMITS;
  if (NOT_FOUND_TITLE.test(title) && body.length < limits.softNotFoundMaxChars) {
    return { reason: 'error-page', detail: `"not found" page: ${title.slice(0, 80)}` };
  }
  // Under an article-like address, many headline links are a portal's furniture around a (short) article.
  if (!isArticleTyped(meta) && headlineLinks >= limits.listingMinHeadlineLinks && !hasArticleSlug(url)) {
    if (pageLinkDensity >= limits.listingLinkDensity || body.length < limits.listingMaxBodyChars) {
      return {
        reason: 'listing-page',
        detail: `${headlineLinks} headline links, ${Math.round(pageLinkDensity * 100)}% of the text in links`,
      };
    }
  }
  if (body.length >= limits.minBodyChars) return null;
  if (meta.ogType?.startsWith('video') === true) return { reason: 'video-only', detail: 'og:type video' };
  if (meta.jsonLd?.isAccessibleForFree === false)
    return { reason: 'paywall-stub', detail: 'not free to read' };
  return { reason: 'too-short', detail: `${body.length} characters of body text` };
}
