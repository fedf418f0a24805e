import { createHash } from 'node:crypto';
import type { CountryCode } from '../config/types.ts';
import type { DetectedLanguageCode } from '../core/languages.ts';
import type { Article, FrameScore, TermMatch, TopicTag } from '../pipeline/types.ts';
import { TEXT_KEYS, type TextKey, textKeyFor } from './article-mapping.ts';

/** An article's text in the one language key it was analysed under (`{ ro: '…' }`). */
export type LanguageText = Partial<Record<TextKey, string>>;

interface ScoredTagDocument {
  id: string;
  score: number;
  terms: TermMatch[];
}

/** An article as stored in Elasticsearch (snake_case, article-mapping.ts). */
export interface ArticleDocument {
  id: string;
  url: string;
  canonical_url: string;
  source: { id: string; name: string; country: CountryCode };
  title: LanguageText;
  lead?: LanguageText;
  body: LanguageText;
  authors: string[];
  section: string | null;
  keywords: string[];
  published_at: string | null;
  modified_at: string | null;
  fetched_at: string;
  /** Set by the first write only (the upsert body of bulk-writer.ts). */
  first_seen_at?: string;
  indexed_at: string;
  /** When a later write brought a different content hash. */
  content_modified_at?: string;
  language: { code: DetectedLanguageCode; confidence: number };
  topics: ScoredTagDocument[];
  topic_ids: string[];
  relevance: number;
  is_migration_related: boolean;
  organisations: { id: string; name: string; count: number }[];
  places: { id: string; name: string; country: string; count: number }[];
  frames: ScoredTagDocument[];
  terminology: { id: string; count: number; terms: TermMatch[] }[];
  terminology_ids: string[];
  dedup: {
    content_hash: string;
    simhash: string;
    story_id: string;
    duplicate_of: string | null;
    /** MinHash lookup keys (DedupInfo.bands); absent on articles from before pipeline 0.3.0. */
    bands?: string[];
    title_key?: string | null;
  };
  /** Earlier content hashes of this article, oldest first. */
  content_hash_history?: string[];
  word_count: number;
  pipeline_version: string;
  document_hash: string;
}

/** An article read back from the index, with the times the indexer keeps. */
export interface IndexedArticle extends Article {
  readonly firstSeenAt: string | null;
  readonly indexedAt: string;
  readonly contentModifiedAt: string | null;
  readonly contentHashHistory: readonly string[];
}

/**
 * Maps the pipeline's Article to its Elasticsearch document. Pure; the text
 * goes under the article's language key (`title.ro`), `first_seen_at` is left
 * to the writer's upsert, and `document_hash` covers every field except the
 * times of fetching and indexing.
 */
export function toDocument(article: Article, indexedAt: string): ArticleDocument {
  const key = textKeyFor(article.language.code);
  const content = {
    id: article.id,
    url: article.url,
    canonical_url: article.canonicalUrl,
    source: { id: article.source.id, name: article.source.name, country: article.source.country },
    title: { [key]: article.title },
    ...(article.lead === null ? {} : { lead: { [key]: article.lead } }),
    body: { [key]: article.body },
    authors: [...article.authors],
    section: article.section,
    keywords: [...article.keywords],
    published_at: article.publishedAt,
    modified_at: article.modifiedAt,
    language: { code: article.language.code, confidence: article.language.confidence },
    topics: article.topics.map(toScoredTag),
    topic_ids: article.topics.map((topic) => topic.id),
    relevance: article.relevance,
    is_migration_related: article.isMigrationRelated,
    organisations: article.organisations.map(({ id, name, count }) => ({ id, name, count })),
    places: article.places.map(({ id, name, country, count }) => ({ id, name, country, count })),
    frames: article.frames.map(toScoredTag),
    terminology: article.terminology.map(({ id, count, terms }) => ({ id, count, terms: [...terms] })),
    terminology_ids: article.terminology.map((use) => use.id),
    dedup: {
      content_hash: article.dedup.contentHash,
      simhash: article.dedup.simhash,
      story_id: article.dedup.storyId,
      duplicate_of: article.dedup.duplicateOf,
      ...(article.dedup.bands === undefined ? {} : { bands: [...article.dedup.bands] }),
      ...(article.dedup.titleKey === undefined ? {} : { title_key: article.dedup.titleKey }),
    },
    word_count: article.wordCount,
    pipeline_version: article.pipelineVersion,
  };
  const documentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  return { ...content, fetched_at: article.fetchedAt, indexed_at: indexedAt, document_hash: documentHash };
}

/** The inverse of toDocument: the Article (and the indexer's times) from a stored document. */
export function fromDocument(doc: ArticleDocument): IndexedArticle {
  return {
    id: doc.id,
    url: doc.url,
    canonicalUrl: doc.canonical_url,
    source: { ...doc.source },
    title: pickText(doc.title) ?? '',
    lead: doc.lead === undefined ? null : (pickText(doc.lead) ?? null),
    body: pickText(doc.body) ?? '',
    authors: doc.authors,
    section: doc.section,
    keywords: doc.keywords,
    publishedAt: doc.published_at,
    modifiedAt: doc.modified_at,
    fetchedAt: doc.fetched_at,
    language: { ...doc.language },
    topics: doc.topics.map(fromScoredTag),
    relevance: doc.relevance,
    isMigrationRelated: doc.is_migration_related,
    organisations: doc.organisations,
    places: doc.places,
    frames: doc.frames.map(fromScoredTag),
    terminology: doc.terminology ?? [],
    dedup: {
      contentHash: doc.dedup.content_hash,
      simhash: doc.dedup.simhash,
      storyId: doc.dedup.story_id,
      duplicateOf: doc.dedup.duplicate_of,
      ...(doc.dedup.bands === undefined ? {} : { bands: doc.dedup.bands }),
      ...(doc.dedup.title_key === undefined ? {} : { titleKey: doc.dedup.title_key }),
    },
    wordCount: doc.word_count,
    pipelineVersion: doc.pipeline_version,
    firstSeenAt: doc.first_seen_at ?? null,
    indexedAt: doc.indexed_at,
    contentModifiedAt: doc.content_modified_at ?? null,
    contentHashHistory: doc.content_hash_history ?? [],
  };
}

/** The one text of a language-keyed field (a document fills a single key). */
export function pickText(text: LanguageText): string | undefined {
  for (const key of TEXT_KEYS) {
    const value = text[key];
    if (value !== undefined) return value;
  }
  return undefined;
}

function toScoredTag(tag: TopicTag | FrameScore): ScoredTagDocument {
  return {
    id: tag.id,
    score: tag.score,
    terms: tag.terms.map(({ term, field, text, count }) => ({ term, field, text, count })),
  };
}

function fromScoredTag(tag: ScoredTagDocument): TopicTag {
  return { id: tag.id, score: tag.score, terms: tag.terms };
}
