import type { IndexedArticle } from '../../indexer/index.ts';

/** The columns of a CSV export, in order. */
export const CSV_COLUMNS = [
  'id',
  'url',
  'title',
  'lead',
  'source_id',
  'source_name',
  'country',
  'published_at',
  'language',
  'topics',
  'frames',
  'organisations',
  'places',
  'story_id',
  'duplicate_of',
  'word_count',
  'relevance',
] as const;

/** One article as a CSV row (lists joined with `;`). */
export function csvRow(article: IndexedArticle): string {
  const cells: readonly (string | number | null)[] = [
    article.id,
    article.url,
    article.title,
    article.lead,
    article.source.id,
    article.source.name,
    article.source.country,
    article.publishedAt,
    article.language.code,
    article.topics.map((topic) => topic.id).join(';'),
    article.frames.map((frame) => frame.id).join(';'),
    article.organisations.map((organisation) => organisation.id).join(';'),
    article.places.map((place) => place.id).join(';'),
    article.dedup.storyId,
    article.dedup.duplicateOf,
    article.wordCount,
    article.relevance,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/**
 * One CSV cell (RFC 4180 quoting). Text starting with `=`, `+`, `-`, `@`, tab
 * or carriage return is prefixed with `'`, so a spreadsheet never runs crawled
 * text as a formula.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One article as exported in JSON: the whole article but its raw tagging scores' internals. */
export function jsonRecord(article: IndexedArticle): Record<string, unknown> {
  return {
    id: article.id,
    url: article.url,
    canonicalUrl: article.canonicalUrl,
    source: article.source,
    title: article.title,
    lead: article.lead,
    body: article.body,
    authors: article.authors,
    section: article.section,
    publishedAt: article.publishedAt,
    modifiedAt: article.modifiedAt,
    fetchedAt: article.fetchedAt,
    language: article.language,
    topics: article.topics.map(({ id, score }) => ({ id, score })),
    relevance: article.relevance,
    isMigrationRelated: article.isMigrationRelated,
    frames: article.frames.map(({ id, score }) => ({ id, score })),
    terminology: article.terminology.map(({ id, count }) => ({ id, count })),
    organisations: article.organisations,
    places: article.places,
    storyId: article.dedup.storyId,
    duplicateOf: article.dedup.duplicateOf,
    wordCount: article.wordCount,
  };
}
