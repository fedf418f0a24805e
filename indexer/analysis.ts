import type { estypes } from '@elastic/elasticsearch';
import type { DetectedLanguageCode } from '../core/languages.ts';

/**
 * Per-language text analysis of the article index. Every language has two
 * analyzers: `pressmon_<lang>` (lower-case, stop words, stemming) and
 * `pressmon_<lang>_folded`, which also matches text typed without diacritics
 * (`refugiati` finds `refugiați`, `uchodzcow` finds `uchodźców`).
 *
 * The folded chain is fold(keep original) → stem → fold → remove duplicates:
 * a word is stemmed both as written and without diacritics. Stemming the
 * folded form makes a query typed without diacritics match the document's
 * word exactly (both reach the stemmer as `uchodzcow`); stemming the original
 * keeps the real stem (`uchodziec`), so `uchodźca` still finds `uchodźców`.
 * Folding again afterwards puts both stems in one diacritics-free vocabulary.
 *
 * The filters named `pressmon_*` without a definition below come from
 * pressmon's analysis plugin (indexer/local-node/analysis-plugin/): the
 * integ-test Elasticsearch distribution has no analysis-common module, so no
 * built-in language analyzers, `asciifolding`, `snowball` or `stemmer`.
 */

/** A token filter defined in the index settings: a type and its parameters. */
export interface TokenFilterDefinition {
  readonly type: string;
  readonly [setting: string]: string | boolean | number | readonly string[];
}

/** A custom analyzer: tokenizer and token filters applied in order. */
export interface CustomAnalyzerDefinition {
  readonly type: 'custom';
  readonly tokenizer: string;
  readonly filter: string[];
}

/** The `analysis` section of index settings. */
export interface AnalysisSettings {
  readonly filter: Readonly<Record<string, TokenFilterDefinition>>;
  readonly analyzer: Readonly<Record<string, CustomAnalyzerDefinition>>;
}

/**
 * AnalysisSettings that the Elasticsearch client also accepts as index
 * settings. The client's types list only built-in filter types, so plugin
 * filters need this one assertion.
 */
export type ArticleAnalysis = AnalysisSettings & estypes.IndicesIndexSettingsAnalysis;

/** The analyzers of one language: as written, and insensitive to diacritics. */
export interface LanguageAnalyzers {
  readonly analyzer: string;
  readonly folded: string;
}

/** Token filters that core Elasticsearch (without analysis-common) provides. */
export const CORE_TOKEN_FILTERS = ['lowercase', 'stop'] as const;

/** Token filter types registered by the pressmon-analysis plugin (a contract with its Java sources). */
export const PLUGIN_TOKEN_FILTERS = [
  'pressmon_fold',
  'pressmon_snowball',
  'pressmon_polish_stem',
  'pressmon_ukrainian_stem',
  'pressmon_ukrainian_normalize',
  'pressmon_romanian_cedilla',
  'pressmon_romanian_stem_final',
  'pressmon_russian_stem_final',
  'pressmon_english_possessive',
  'pressmon_remove_duplicates',
  'pressmon_stop',
] as const;

export type PluginTokenFilter = (typeof PLUGIN_TOKEN_FILTERS)[number];

/** How one language's text is analysed, before the shared folding steps. */
interface LanguageChain {
  /** Normalisation before stop words (cedilla letters, apostrophes, possessives). */
  readonly normalize: readonly string[];
  readonly stop: TokenFilterDefinition;
  /** The stemming steps; for Ukrainian a lemmatiser. */
  readonly stem: readonly string[];
  /** Filter definitions the stem steps refer to, by name. */
  readonly stemFilters?: Readonly<Record<string, TokenFilterDefinition>>;
}

const snowball = (language: string): TokenFilterDefinition => ({ type: 'pressmon_snowball', language });

/** The analysed languages; the others use `pressmon_default`. */
const LANGUAGE_CHAINS = {
  ro: {
    normalize: ['pressmon_romanian_cedilla'],
    stop: { type: 'pressmon_stop', language: 'romanian' },
    stem: ['pressmon_ro_stem', 'pressmon_romanian_stem_final'],
    stemFilters: { pressmon_ro_stem: snowball('romanian') },
  },
  pl: {
    normalize: [],
    stop: { type: 'pressmon_stop', language: 'polish' },
    stem: ['pressmon_polish_stem'],
  },
  en: {
    normalize: ['pressmon_english_possessive'],
    stop: { type: 'stop', stopwords: '_english_' },
    stem: ['pressmon_en_stem'],
    stemFilters: { pressmon_en_stem: snowball('english') },
  },
  ru: {
    normalize: [],
    stop: { type: 'stop', stopwords: '_russian_' },
    stem: ['pressmon_ru_stem', 'pressmon_russian_stem_final'],
    stemFilters: { pressmon_ru_stem: snowball('russian') },
  },
  uk: {
    normalize: ['pressmon_ukrainian_normalize'],
    stop: { type: 'pressmon_stop', language: 'ukrainian' },
    // The dictionary's lemmas keep capitals (Київ); lower-case them again.
    stem: ['pressmon_ukrainian_stem', 'lowercase'],
  },
  hu: {
    normalize: [],
    stop: { type: 'stop', stopwords: '_hungarian_' },
    stem: ['pressmon_hu_stem'],
    stemFilters: { pressmon_hu_stem: snowball('hungarian') },
  },
  de: {
    normalize: [],
    stop: { type: 'stop', stopwords: '_german_' },
    stem: ['pressmon_de_stem'],
    stemFilters: { pressmon_de_stem: snowball('german') },
  },
  fr: {
    normalize: [],
    stop: { type: 'stop', stopwords: '_french_' },
    stem: ['pressmon_fr_stem'],
    stemFilters: { pressmon_fr_stem: snowball('french') },
  },
} as const satisfies Record<string, LanguageChain>;

type AnalysedLanguage = keyof typeof LANGUAGE_CHAINS;

/** Language-neutral and diacritics-insensitive; Romanian cedilla letters count as comma-below. */
export const FOLDED_ANALYZER = 'pressmon_folded';
/** For `und` and languages without their own analyzer: lower-case and folded, no stemming. */
export const DEFAULT_ANALYZER = 'pressmon_default';

const SHARED_FILTERS: Readonly<Record<string, TokenFilterDefinition>> = {
  pressmon_fold_keep: { type: 'pressmon_fold', preserve_original: true },
};

/** Analyzer names per detected language (`und` and unanalysed languages get `pressmon_default`). */
export const ANALYZER_BY_LANGUAGE: Readonly<Record<DetectedLanguageCode, LanguageAnalyzers>> = {
  ro: languageAnalyzers('ro'),
  pl: languageAnalyzers('pl'),
  en: languageAnalyzers('en'),
  ru: languageAnalyzers('ru'),
  uk: languageAnalyzers('uk'),
  hu: languageAnalyzers('hu'),
  de: languageAnalyzers('de'),
  fr: languageAnalyzers('fr'),
  bg: { analyzer: DEFAULT_ANALYZER, folded: DEFAULT_ANALYZER },
  cs: { analyzer: DEFAULT_ANALYZER, folded: DEFAULT_ANALYZER },
  sk: { analyzer: DEFAULT_ANALYZER, folded: DEFAULT_ANALYZER },
  und: { analyzer: DEFAULT_ANALYZER, folded: DEFAULT_ANALYZER },
};

function languageAnalyzers(language: AnalysedLanguage): LanguageAnalyzers {
  return { analyzer: `pressmon_${language}`, folded: `pressmon_${language}_folded` };
}

function custom(filter: string[]): CustomAnalyzerDefinition {
  return { type: 'custom', tokenizer: 'standard', filter };
}

/**
 * The `analysis` section for the article index (`settings.analysis`): the
 * per-language analyzers of ANALYZER_BY_LANGUAGE, `pressmon_folded` and
 * `pressmon_default`. Needs the pressmon-analysis plugin on every node. Pure.
 */
export function articleAnalysisSettings(): { analysis: ArticleAnalysis } {
  const filter: Record<string, TokenFilterDefinition> = { ...SHARED_FILTERS };
  const analyzer: Record<string, CustomAnalyzerDefinition> = {
    [FOLDED_ANALYZER]: custom(['lowercase', 'pressmon_romanian_cedilla', 'pressmon_fold']),
    [DEFAULT_ANALYZER]: custom(['lowercase', 'pressmon_fold']),
  };
  for (const [language, chain] of Object.entries(LANGUAGE_CHAINS) as [AnalysedLanguage, LanguageChain][]) {
    const names = languageAnalyzers(language);
    const stopName = `pressmon_${language}_stop`;
    filter[stopName] = chain.stop;
    Object.assign(filter, chain.stemFilters ?? {});
    const head = ['lowercase', ...chain.normalize, stopName];
    analyzer[names.analyzer] = custom([...head, ...chain.stem]);
    analyzer[names.folded] = custom([
      ...head,
      'pressmon_fold_keep',
      ...chain.stem,
      'pressmon_fold',
      'pressmon_remove_duplicates',
    ]);
  }
  return { analysis: { filter, analyzer } as ArticleAnalysis };
}

/**
 * The token filter types these settings use, each either core or from the
 * plugin; a caller can check them against a node. Pure.
 */
export function filterTypesUsed(settings: AnalysisSettings): string[] {
  const types = new Set<string>();
  for (const definition of Object.values(settings.analyzer)) {
    for (const name of definition.filter) types.add(settings.filter[name]?.type ?? name);
  }
  return [...types].sort();
}
