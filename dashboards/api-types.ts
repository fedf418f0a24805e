// The JSON the dashboards' API answers: shared by the server (dashboards/server)
// and the web page (dashboards/web), which imports these types only.
import type { ArticleFacets, FacetName } from '../indexer/facets.ts';
import type { NewTerm, TrendBucket } from '../indexer/index.ts';
import type { SavedSearch, SavedSearchRequest } from '../indexer/saved-searches.ts';
import type { StoryCopy } from '../indexer/story-copies.ts';
import type { TextSegment } from './server/highlight.ts';

export type {
  ArticleFacets,
  FacetName,
  NewTerm,
  SavedSearch,
  SavedSearchRequest,
  StoryCopy,
  TextSegment,
  TrendBucket,
};

/** Any error answer: a stable code and a message for a person. */
export interface ApiError {
  readonly error: string;
  readonly message: string;
}

export interface ApiSource {
  readonly id: string;
  readonly name: string;
  readonly country: string;
}

export interface ApiSearchHit {
  readonly id: string;
  readonly url: string;
  readonly title: TextSegment[];
  readonly snippets: TextSegment[][];
  readonly lead: string | null;
  readonly source: ApiSource;
  readonly publishedAt: string | null;
  readonly language: string;
  readonly topicIds: readonly string[];
  readonly storyId: string;
}

export interface ApiSearchResponse {
  readonly total: number;
  readonly hits: ApiSearchHit[];
  readonly facets: ArticleFacets;
  readonly nextCursor: string | null;
  readonly tookMs: number;
}

/** Labels of a taxonomy entry per language code. */
export type Labels = Readonly<Partial<Record<string, string>>>;

export interface ApiMeta {
  readonly user: ApiUser;
  readonly topics: readonly { readonly id: string; readonly labels: Labels }[];
  readonly frames: readonly { readonly id: string; readonly labels: Labels }[];
  readonly terminology: readonly {
    readonly id: string;
    readonly labels: Labels;
    readonly register: string;
  }[];
  readonly organisations: readonly {
    readonly id: string;
    readonly name: string;
    readonly kind: string;
    readonly country: string;
  }[];
  readonly places: readonly {
    readonly id: string;
    readonly name: string;
    readonly country: string;
    readonly kind: string;
  }[];
  readonly sources: readonly ApiSource[];
  readonly timeZone: string;
}

export interface ApiUser {
  readonly name: string;
  readonly email: string | null;
  readonly via: 'session' | 'token';
}

export interface ApiTagEvidence {
  readonly id: string;
  readonly score: number;
  readonly terms: readonly {
    readonly term: string;
    readonly field: string;
    readonly text: string;
    readonly count: number;
  }[];
}

export interface ApiArticle {
  readonly id: string;
  readonly url: string;
  readonly canonicalUrl: string;
  readonly source: ApiSource;
  readonly title: TextSegment[];
  readonly lead: TextSegment[] | null;
  /** Paragraphs, with the words that tagged the article marked. */
  readonly body: TextSegment[][];
  readonly authors: readonly string[];
  readonly section: string | null;
  readonly publishedAt: string | null;
  readonly modifiedAt: string | null;
  readonly fetchedAt: string;
  readonly indexedAt: string;
  readonly language: { readonly code: string; readonly confidence: number };
  readonly wordCount: number;
  readonly relevance: number;
  readonly isMigrationRelated: boolean;
  readonly topics: readonly ApiTagEvidence[];
  readonly frames: readonly ApiTagEvidence[];
  readonly terminology: readonly ApiTagEvidence[];
  readonly organisations: readonly { readonly id: string; readonly name: string; readonly count: number }[];
  readonly places: readonly {
    readonly id: string;
    readonly name: string;
    readonly country: string;
    readonly count: number;
  }[];
  readonly storyId: string;
  readonly duplicateOf: string | null;
  readonly copies: readonly StoryCopy[];
  /** Whether the raw page is in the archive (GET /api/articles/<id>/raw). */
  readonly hasRawPage: boolean;
}

export interface ApiTrends {
  readonly interval: 'day' | 'week' | 'month';
  readonly by: 'topic' | 'frame';
  readonly buckets: readonly TrendBucket[];
}

export interface ApiCount {
  readonly key: string;
  readonly count: number;
}

/** Outlet comparison, organisations and places over the filtered articles. */
export interface ApiBreakdown {
  readonly total: number;
  readonly sources: readonly ApiCount[];
  readonly organisations: readonly ApiCount[];
  readonly places: readonly ApiCount[];
}

export interface ApiNewTerms {
  readonly language: string;
  readonly from: string;
  readonly to: string;
  readonly terms: readonly NewTerm[];
}
