import type { CountryCode } from '../config/types.ts';
import type { DetectedLanguageCode } from '../core/languages.ts';

/** Why a fetched page yields no article. */
export type NotArticleReason =
  | 'not-html'
  | 'error-page'
  | 'listing-page'
  | 'tag-page'
  | 'video-only'
  | 'paywall-stub'
  | 'too-short'
  | 'extraction-timeout'
  /** The extractor itself failed on this page: a bug to report, with the page. */
  | 'extraction-failed';

/** The fields the extract stage reads off a page. */
export interface ExtractedArticle {
  readonly url: string;
  readonly canonicalUrl: string;
  readonly title: string;
  readonly lead: string | null;
  /** Main text: paragraphs separated by a blank line, subheadings on their own line. */
  readonly body: string;
  readonly authors: readonly string[];
  readonly section: string | null;
  readonly keywords: readonly string[];
  /** ISO-8601 UTC, or null when the page does not say. */
  readonly publishedAt: string | null;
  readonly modifiedAt: string | null;
  /** Language the page declares (html lang, og:locale, JSON-LD inLanguage), lower-case. */
  readonly declaredLanguage: string | null;
}

export type ExtractResult =
  | { readonly ok: true; readonly article: ExtractedArticle }
  | { readonly ok: false; readonly reason: NotArticleReason; readonly detail: string };

export interface LanguageGuess {
  readonly code: DetectedLanguageCode;
  /** 0..1 */
  readonly confidence: number;
}

/** Where a term matched: which field, and the text that matched. */
export interface TermMatch {
  readonly term: string;
  readonly field: 'title' | 'lead' | 'body';
  readonly text: string;
  readonly count: number;
}

export interface TopicTag {
  readonly id: string;
  readonly score: number;
  readonly terms: readonly TermMatch[];
}

export interface OrganisationMention {
  readonly id: string;
  readonly name: string;
  readonly count: number;
}

export interface PlaceMention {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly count: number;
}

export interface FrameScore {
  readonly id: string;
  readonly score: number;
  readonly terms: readonly TermMatch[];
}

/**
 * How often an article names people with one label of the terminology list
 * (config/frames.yaml `terminology`: `refugee`, `illegal_immigrant`, `expat`…),
 * with the words as written.
 */
export interface TerminologyUse {
  readonly id: string;
  readonly count: number;
  readonly terms: readonly TermMatch[];
}

export interface DedupInfo {
  /** SHA-256 of the normalised body. */
  readonly contentHash: string;
  /** 64-bit simhash of the body's shingles, as 16 hex digits. */
  readonly simhash: string;
  /**
   * The story: the id of the first article seen with this text or a near copy
   * of it (an agency copy, a light rewrite, a shortened version); the
   * article's own id until indexer/stories.ts finds an earlier one.
   */
  readonly storyId: string;
  /** For an exact copy (same content hash), the id of the first article with that text; else null. */
  readonly duplicateOf: string | null;
  /**
   * MinHash lookup keys of the body's word shingles (pipeline/dedup/minhash.ts
   * bandKeys). Absent on articles made before pipeline 0.3.0: such an article
   * is found by content hash and title only.
   */
  readonly bands?: readonly string[];
  /** Normalised title (pipeline/dedup/title-key.ts), null when too short to name a story. */
  readonly titleKey?: string | null;
}

/** What a story comparison reads of an article. */
export interface StoryText {
  readonly title: string;
  readonly body: string;
  readonly contentHash: string;
}

/** How two articles relate: the same text, a near copy (same story), or different stories. */
export type StoryRelation = 'exact-copy' | 'near-copy' | 'different';

export interface StoryComparison {
  readonly relation: StoryRelation;
  /** The similarity the decision used, 0..1 (pipeline/dedup/decide-story.ts). */
  readonly similarity: number;
}

/**
 * Compares two articles for story assignment; pipeline/dedup's
 * createStoryMatcher is the implementation, handed to indexer/stories.ts by
 * the composition root (the indexer imports only pipeline types).
 */
export type StoryMatcher = (a: StoryText, b: StoryText) => StoryComparison;

/**
 * An article as pressmon understands it: the value that crosses from pipeline/
 * to indexer/. A saved Article can be replayed into the indexer.
 */
export interface Article {
  /** Hash of the normalised canonical URL (core/canonical-url.ts). */
  readonly id: string;
  readonly url: string;
  readonly canonicalUrl: string;
  readonly source: {
    readonly id: string;
    readonly name: string;
    readonly country: CountryCode;
  };
  readonly title: string;
  readonly lead: string | null;
  readonly body: string;
  readonly authors: readonly string[];
  readonly section: string | null;
  readonly keywords: readonly string[];
  readonly publishedAt: string | null;
  readonly modifiedAt: string | null;
  readonly fetchedAt: string;
  readonly language: LanguageGuess;
  readonly topics: readonly TopicTag[];
  /** Pooled evidence of migration across all topic matches and the migration vocabulary (pipeline/topics/migration-evidence.ts). */
  readonly relevance: number;
  readonly isMigrationRelated: boolean;
  readonly organisations: readonly OrganisationMention[];
  readonly places: readonly PlaceMention[];
  readonly frames: readonly FrameScore[];
  /** The words the article uses for people on the move, most used first. */
  readonly terminology: readonly TerminologyUse[];
  readonly dedup: DedupInfo;
  readonly wordCount: number;
  readonly pipelineVersion: string;
}

export type ProcessResult =
  | { readonly ok: true; readonly article: Article }
  | { readonly ok: false; readonly reason: NotArticleReason; readonly detail: string };
