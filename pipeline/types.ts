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
  readonly storyId: string;
  readonly duplicateOf: string | null;
}

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
