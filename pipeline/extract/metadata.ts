import type { Element } from 'domhandler';
import type { DocumentIndex } from './document-index.ts';
import { isElement, squeeze, textContent } from './dom-text.ts';
import { type JsonLdArticle, readJsonLdArticle } from './json-ld.ts';
import { MODIFIED_MARKER } from './vocabulary.ts';

/**
 * What the page's markup declares about itself, unparsed, each list in order
 * of precedence (first wins):
 * 1. JSON-LD article node (NewsArticle, Article, ReportageNewsArticle, BlogPosting…);
 * 2. OpenGraph (`og:*`, `article:*`);
 * 3. other meta tags (description, author, dc.*, parsely-*, sailthru.*, pubdate, date);
 * 4. microdata (`itemprop` datePublished, dateModified, author, headline);
 * 5. the first `<time datetime>`; then `<h1>` and `<title>` for the title.
 */
export interface DeclaredMetadata {
  readonly jsonLd: JsonLdArticle | null;
  readonly titles: readonly string[];
  readonly siteNames: readonly string[];
  readonly published: readonly string[];
  readonly modified: readonly string[];
  readonly authors: readonly string[];
  readonly descriptions: readonly string[];
  readonly sections: readonly string[];
  readonly keywords: readonly string[];
  readonly languages: readonly string[];
  readonly canonicalUrls: readonly string[];
  readonly ogType: string | null;
}

/** Meta tags by lower-cased `property`, `name` or `itemprop`, values in document order. */
function indexMeta(document: DocumentIndex): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const { attribs } of document.named('meta')) {
    const content = squeeze(attribs.content ?? '');
    if (content === '') continue;
    for (const key of [attribs.property, attribs.name, attribs.itemprop]) {
      if (key === undefined) continue;
      const lower = key.toLowerCase();
      const values = index.get(lower);
      if (values === undefined) index.set(lower, [content]);
      else values.push(content);
    }
  }
  return index;
}

function present(...values: readonly (string | null | undefined)[]): string[] {
  return values.filter((value): value is string => typeof value === 'string' && value.trim() !== '');
}

/** Elements (other than `<meta>`) by their `itemprop`, in document order: one walk instead of a query per property. */
function indexItemprops(document: DocumentIndex): Map<string, Element[]> {
  const index = new Map<string, Element[]>();
  const { elements, facts } = document;
  for (let i = 0; i < elements.length; i += 1) {
    const property = facts[i]?.itemprop;
    const element = elements[i] as Element;
    if (property === undefined || element.name === 'meta') continue;
    for (const key of property.split(/\s+/)) {
      const elements = index.get(key);
      if (elements === undefined) index.set(key, [element]);
      else elements.push(element);
    }
  }
  return index;
}

/** The first element under `root` (not `root` itself), in document order, whose `itemprop` is exactly `name`: `$(root).find('[itemprop="name"]').first()`. */
function findNamedItem(root: Element): Element | undefined {
  for (const child of root.children) {
    if (!isElement(child)) continue;
    if (child.attribs.itemprop === 'name') return child;
    const found = findNamedItem(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

function microdata(itemprops: ReadonlyMap<string, Element[]>, property: string): string[] {
  return (itemprops.get(property) ?? []).map((element) => {
    const { attribs } = element;
    return squeeze(attribs.content ?? attribs.datetime ?? textContent(findNamedItem(element) ?? element));
  });
}

function timeElements(document: DocumentIndex): { published: string[]; modified: string[] } {
  const published: string[] = [];
  const modified: string[] = [];
  for (const element of document.named('time')) {
    const value = element.attribs.datetime;
    if (value === undefined) continue;
    // cheerio's `.parent()` leaves the document out.
    const parent = element.parent?.type === 'root' ? null : element.parent;
    const context = `${element.attribs.class ?? ''} ${element.attribs.itemprop ?? ''} ${parent === null ? '' : textContent(parent).slice(0, 80)}`;
    (MODIFIED_MARKER.test(context) ? modified : published).push(value);
  }
  return { published, modified };
}

/** The text of the first element named `name` ('' when there is none). */
function firstText(document: DocumentIndex, name: string): string {
  const element = document.named(name)[0];
  return element === undefined ? '' : textContent(element);
}

/** `<link rel=canonical>`, the rel read as a space-separated list, case-insensitively. */
const CANONICAL_REL = /(?:^|\s)canonical(?:$|\s)/i;

function canonicalLink(document: DocumentIndex): string | undefined {
  return document.named('link').find((element) => CANONICAL_REL.test(element.attribs.rel ?? ''))?.attribs
    .href;
}

/** The `lang` attribute of `<html>`, as cheerio's `.attr('lang')` reads it. */
function langOf(html: Element | undefined): string | undefined {
  return html !== undefined && Object.hasOwn(html.attribs, 'lang') ? html.attribs.lang : undefined;
}

/**
 * Collects the metadata the page declares, by the precedence documented on
 * {@link DeclaredMetadata}. `document` indexes the page (untouched).
 */
export function readDeclaredMetadata(document: DocumentIndex): DeclaredMetadata {
  const jsonLd = readJsonLdArticle(document);
  const meta = indexMeta(document);
  const all = (...keys: string[]): string[] => keys.flatMap((key) => meta.get(key) ?? []);
  const times = timeElements(document);
  const itemprops = indexItemprops(document);
  const metaAuthors = all(
    'article:author',
    'author',
    'dc.creator',
    'dcterms.creator',
    'parsely-author',
    'sailthru.author',
    'byl',
  );
  return {
    jsonLd,
    titles: present(
      jsonLd?.headline,
      ...all('og:title', 'twitter:title'),
      ...microdata(itemprops, 'headline'),
      firstText(document, 'h1'),
      firstText(document, 'title'),
    ),
    siteNames: present(
      ...all('og:site_name', 'application-name', 'publisher', 'twitter:site'),
      jsonLd?.publisherName,
    ),
    published: present(
      jsonLd?.datePublished,
      ...all(
        'article:published_time',
        'og:published_time',
        'datepublished',
        'dc.date',
        'dc.date.issued',
        'dcterms.created',
        'parsely-pub-date',
        'sailthru.date',
        'pubdate',
        'publishdate',
        'publish-date',
        'date',
        'article.published',
        'cxenseparse:recs:publishtime',
      ),
      ...microdata(itemprops, 'datePublished'),
      ...times.published.slice(0, 1),
    ),
    modified: present(
      jsonLd?.dateModified,
      ...all('article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified'),
      ...microdata(itemprops, 'dateModified'),
      ...times.modified.slice(0, 1),
    ),
    authors:
      jsonLd !== null && jsonLd.authors.length > 0
        ? jsonLd.authors
        : present(...metaAuthors, ...microdata(itemprops, 'author')),
    descriptions: present(
      jsonLd?.description,
      ...all('og:description', 'description', 'twitter:description'),
    ),
    sections: present(
      jsonLd?.section,
      ...all('article:section', 'section', 'parsely-section', 'sailthru.section'),
    ),
    keywords: [
      ...(jsonLd?.keywords ?? []),
      ...all('article:tag', 'news_keywords', 'keywords', 'parsely-tags', 'sailthru.tags').flatMap((value) =>
        value.split(','),
      ),
    ]
      .map((keyword) => keyword.trim())
      .filter(Boolean),
    languages: present(
      langOf(document.named('html')[0]),
      ...all('og:locale').map((locale) => locale.replace('_', '-')),
      jsonLd?.inLanguage,
      ...all('content-language', 'language'),
    ),
    canonicalUrls: present(canonicalLink(document), ...all('og:url'), jsonLd?.url),
    ogType: meta.get('og:type')?.[0]?.toLowerCase() ?? null,
  };
}
