import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { allElements, squeeze } from './dom-text.ts';
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
function indexMeta($: CheerioAPI): Map<string, string[]> {
  const index = new Map<string, string[]>();
  $('meta').each((_, element) => {
    const { attribs } = element;
    const content = squeeze(attribs.content ?? '');
    if (content === '') return;
    for (const key of [attribs.property, attribs.name, attribs.itemprop]) {
      if (key === undefined) continue;
      const lower = key.toLowerCase();
      index.set(lower, [...(index.get(lower) ?? []), content]);
    }
  });
  return index;
}

function present(...values: readonly (string | null | undefined)[]): string[] {
  return values.filter((value): value is string => typeof value === 'string' && value.trim() !== '');
}

/** Elements (other than `<meta>`) by their `itemprop`, in document order: one walk instead of a query per property. */
function indexItemprops($: CheerioAPI): Map<string, Element[]> {
  const index = new Map<string, Element[]>();
  const root = $.root()[0];
  for (const element of root === undefined ? [] : allElements(root)) {
    const property = element.attribs.itemprop;
    if (property === undefined || element.name === 'meta') continue;
    for (const key of property.split(/\s+/)) index.set(key, [...(index.get(key) ?? []), element]);
  }
  return index;
}

function microdata($: CheerioAPI, itemprops: ReadonlyMap<string, Element[]>, property: string): string[] {
  return (itemprops.get(property) ?? []).map((element) => {
    const { attribs } = element;
    const nested = $(element).find('[itemprop="name"]').first();
    return squeeze(
      attribs.content ?? attribs.datetime ?? (nested.length > 0 ? nested.text() : $(element).text()),
    );
  });
}

function timeElements($: CheerioAPI): { published: string[]; modified: string[] } {
  const published: string[] = [];
  const modified: string[] = [];
  $('time[datetime]').each((_, element) => {
    const value = element.attribs.datetime ?? '';
    const context = `${element.attribs.class ?? ''} ${element.attribs.itemprop ?? ''} ${$(element).parent().text().slice(0, 80)}`;
    (MODIFIED_MARKER.test(context) ? modified : published).push(value);
  });
  return { published, modified };
}

/** Collects the metadata the page declares, by the precedence documented on {@link DeclaredMetadata}. */
export function readDeclaredMetadata($: CheerioAPI): DeclaredMetadata {
  const jsonLd = readJsonLdArticle($);
  const meta = indexMeta($);
  const all = (...keys: string[]): string[] => keys.flatMap((key) => meta.get(key) ?? []);
  const times = timeElements($);
  const itemprops = indexItemprops($);
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
      ...microdata($, itemprops, 'headline'),
      $('h1').first().text(),
      $('title').first().text(),
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
      ...microdata($, itemprops, 'datePublished'),
      ...times.published.slice(0, 1),
    ),
    modified: present(
      jsonLd?.dateModified,
      ...all('article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified'),
      ...microdata($, itemprops, 'dateModified'),
      ...times.modified.slice(0, 1),
    ),
    authors:
      jsonLd !== null && jsonLd.authors.length > 0
        ? jsonLd.authors
        : present(...metaAuthors, ...microdata($, itemprops, 'author')),
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
      $('html').attr('lang'),
      ...all('og:locale').map((locale) => locale.replace('_', '-')),
      jsonLd?.inLanguage,
      ...all('content-language', 'language'),
    ),
    canonicalUrls: present($('link[rel~="canonical" i]').attr('href'), ...all('og:url'), jsonLd?.url),
    ogType: meta.get('og:type')?.[0]?.toLowerCase() ?? null,
  };
}
