import type { estypes } from '@elastic/elasticsearch';
import type { DetectedLanguageCode } from '../core/languages.ts';
import {
  ANALYZER_BY_LANGUAGE,
  articleAnalysisSettings,
  DEFAULT_ANALYZER,
  FOLDED_ANALYZER,
} from './analysis.ts';

/**
 * Languages with their own analyzer (analysis.ts); every other language
 * (bg, cs, sk, und) is analysed by `default`.
 */
export const ANALYSED_LANGUAGES: readonly DetectedLanguageCode[] = (
  Object.keys(ANALYZER_BY_LANGUAGE) as DetectedLanguageCode[]
).filter((code) => ANALYZER_BY_LANGUAGE[code].analyzer !== DEFAULT_ANALYZER);
/** A key of the language-keyed text objects (`body.ro`, `body.default`). */
export type TextKey = DetectedLanguageCode | 'default';
export const TEXT_KEYS: readonly TextKey[] = [...ANALYSED_LANGUAGES, 'default'];
/** The full-text fields of an article. */
export const TEXT_FIELDS = ['title', 'lead', 'body'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** The key under which an article's text is stored and analysed (`title.ro`, `title.default`). */
export function textKeyFor(language: DetectedLanguageCode): TextKey {
  return ANALYSED_LANGUAGES.includes(language) ? language : 'default';
}

/** Analyzer names per text key: the stemming one, and the one that also folds diacritics. */
export function analyzersFor(key: TextKey): { readonly stemmed: string; readonly folded: string } {
  if (key === 'default') return { stemmed: DEFAULT_ANALYZER, folded: FOLDED_ANALYZER };
  const { analyzer, folded } = ANALYZER_BY_LANGUAGE[key];
  return { stemmed: analyzer, folded };
}

/**
 * Index settings of the versioned articles index. One shard: a press archive of
 * a few million articles fits one shard (well under the ~50 GB guideline), and
 * one shard keeps scores and facet counts exact. No replicas: the embedded node
 * is a single node, where a replica can never be allocated and would keep the
 * index yellow forever; `replicas` raises it on an external cluster. The
 * analyzers (analysis.ts) need the pressmon analysis plugin on every node;
 * `analysis` replaces them (a node without the plugin, in a test).
 */
export function articleIndexSettings(
  options: { replicas?: number; analysis?: estypes.IndicesIndexSettingsAnalysis } = {},
): estypes.IndicesIndexSettings {
  return {
    number_of_shards: 1,
    number_of_replicas: options.replicas ?? 0,
    // analysis.ts types its own (read-only, narrower) shape of the same JSON.
    analysis:
      options.analysis ??
      (articleAnalysisSettings().analysis as unknown as estypes.IndicesIndexSettingsAnalysis),
  };
}

/**
 * The articles mapping (DESIGN §3), `dynamic: strict` so that a typo in a
 * writer is an error, not a new field.
 *
 * Text layout: `title`, `lead` and `body` are objects with one text field per
 * analysed language (`body.ro`, `body.pl`, …, `body.default`), and a document
 * fills only the key of its own language (`textKeyFor(language.code)`). Each
 * has a `.folded` subfield that also ignores diacritics (`refugiati` finds
 * `refugiați`). Compared with analysing every text with every language's
 * analyzer, the index is several times smaller, a Romanian word is never
 * stemmed as Polish, and term statistics (IDF) are per language, so scores are
 * better. One query still reaches every language by listing all the keys
 * (search-query.ts). Highlighting re-analyses the stored text (unified
 * highlighter) and works on each field; there is no duplicated text in _source.
 *
 * Topics and frames are `nested`, so that "topic `asylum` with score ≥ 2"
 * matches one topic rather than an id of one and a score of another; the flat
 * `topic_ids` keyword is what facets and simple filters use. Their matched
 * terms are stored for explanation but not indexed (`enabled: false`).
 */
export function articleMapping(): estypes.MappingTypeMapping {
  return {
    dynamic: 'strict',
    properties: {
      id: { type: 'keyword' },
      url: { type: 'keyword' },
      canonical_url: { type: 'keyword' },
      source: {
        properties: { id: { type: 'keyword' }, name: { type: 'keyword' }, country: { type: 'keyword' } },
      },
      title: textObject(),
      lead: textObject(),
      body: textObject(),
      authors: { type: 'keyword' },
      section: { type: 'keyword' },
      keywords: { type: 'keyword' },
      published_at: { type: 'date' },
      modified_at: { type: 'date' },
      fetched_at: { type: 'date' },
      first_seen_at: { type: 'date' },
      indexed_at: { type: 'date' },
      content_modified_at: { type: 'date' },
      language: { properties: { code: { type: 'keyword' }, confidence: { type: 'float' } } },
      topics: scoredTagMapping(),
      topic_ids: { type: 'keyword' },
      relevance: { type: 'float' },
      is_migration_related: { type: 'boolean' },
      organisations: {
        properties: { id: { type: 'keyword' }, name: { type: 'keyword' }, count: { type: 'integer' } },
      },
      places: {
        properties: {
          id: { type: 'keyword' },
          name: { type: 'keyword' },
          country: { type: 'keyword' },
          count: { type: 'integer' },
        },
      },
      frames: scoredTagMapping(),
      // Which words the article uses for people (refugee, illegal immigrant…): nested so that
      // "uses label X at least n times" matches one label; the matched words are kept, not indexed.
      terminology: {
        type: 'nested',
        properties: {
          id: { type: 'keyword' },
          count: { type: 'integer' },
          terms: { type: 'object', enabled: false },
        },
      },
      terminology_ids: { type: 'keyword' },
      dedup: {
        properties: {
          content_hash: { type: 'keyword' },
          simhash: { type: 'keyword' },
          story_id: { type: 'keyword' },
          duplicate_of: { type: 'keyword' },
          // Story lookup (indexer/stories.ts): MinHash keys of the body's shingles, and the normalised title.
          bands: { type: 'keyword' },
          title_key: { type: 'keyword' },
        },
      },
      content_hash_history: { type: 'keyword' },
      word_count: { type: 'integer' },
      pipeline_version: { type: 'keyword' },
      // Hash of everything the pipeline produced; lets the writer tell "unchanged" without fetching bodies.
      document_hash: { type: 'keyword', index: false },
    },
  };
}

function textObject(): estypes.MappingProperty {
  const properties: Record<string, estypes.MappingProperty> = {};
  for (const key of TEXT_KEYS) {
    const { stemmed, folded } = analyzersFor(key);
    properties[key] = {
      type: 'text',
      analyzer: stemmed,
      fields: { folded: { type: 'text', analyzer: folded } },
    };
  }
  return { properties };
}

function scoredTagMapping(): estypes.MappingProperty {
  return {
    type: 'nested',
    properties: {
      id: { type: 'keyword' },
      score: { type: 'float' },
      terms: { type: 'object', enabled: false },
    },
  };
}
