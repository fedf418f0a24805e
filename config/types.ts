import type { CoalitionLanguage, LanguageCode } from '../core/languages.ts';

/** Countries whose press the coalition follows; `int` is international media. */
export type CountryCode = 'ro' | 'md' | 'pl' | 'ua' | 'int';

/** A section or listing page and the links on it that lead to articles. */
export interface SectionDiscovery {
  readonly url: string;
  /** Regular expression (source text) that an article URL on this page matches. */
  readonly linkPattern: string;
  /** How many listing pages to follow through pagination; 1 = only this page. */
  readonly maxPages: number;
  /** CSS selector of the "next page" link, when pagination is followed. */
  readonly nextPageSelector?: string;
}

/** A site-search URL template; `{query}` is replaced by each topic term. */
export interface SiteSearchDiscovery {
  readonly urlTemplate: string;
  readonly linkPattern: string;
  readonly languages: readonly CoalitionLanguage[];
  /** Searches sent per run at most (topic terms taken round-robin over the topics); default 30. */
  readonly maxQueries: number;
}

export interface SourceDiscovery {
  readonly feeds: readonly string[];
  readonly sitemaps: readonly string[];
  readonly sections: readonly SectionDiscovery[];
  readonly siteSearch: readonly SiteSearchDiscovery[];
}

/** Per-site selectors, used only where generic extraction fails; dated. */
export interface ExtractionOverrides {
  readonly since: string;
  readonly title?: string;
  readonly body?: string;
  readonly date?: string;
  readonly author?: string;
  readonly remove?: readonly string[];
}

/** One outlet: `config/sources/<country>/<id>.yaml`. */
export interface SourceConfig {
  readonly id: string;
  readonly name: string;
  readonly country: CountryCode;
  readonly languages: readonly LanguageCode[];
  readonly homeUrl: string;
  /** IANA time zone used to read dates printed without one. */
  readonly timeZone: string;
  /** False until a crawl has reached the outlet with these settings. */
  readonly verified: boolean;
  /** Render pages with Chromium (for outlets that build their pages with JavaScript). */
  readonly browser: boolean;
  readonly discovery: SourceDiscovery;
  /** Cron expression in the source's time zone; default: the settings' daily crawl. */
  readonly schedule?: string;
  readonly rateLimit: { readonly delayMs: number; readonly maxConcurrency: number };
  /** Re-fetch articles younger than this many hours (0 = never re-fetch). */
  readonly refreshHours: number;
  readonly extraction?: ExtractionOverrides;
  /** File the source was read from, for messages. */
  readonly file: string;
}

/**
 * A term in a topic, frame or exclusion list. Syntax:
 * - `word` matches the word ignoring case and diacritics, and its inflected forms
 *   (stemmed in the term's language);
 * - `prefix*` matches any word that starts with the prefix (diacritics ignored);
 * - `two words` matches the words next to each other, each as above;
 * - `a ~5 b` matches when both appear within 5 words of each other.
 */
export type TermPattern = string;

export type PerLanguage<T> = Partial<Readonly<Record<CoalitionLanguage, T>>>;

export interface TopicExample {
  readonly lang: CoalitionLanguage;
  readonly text: string;
}

/** One topic of the coalition taxonomy: `config/topics/<id>.yaml`. */
export interface Topic {
  readonly id: string;
  readonly labels: PerLanguage<string>;
  readonly description: string;
  /** Multiplies the topic's score; 1 is neutral. */
  readonly weight: number;
  readonly terms: PerLanguage<readonly TermPattern[]>;
  /**
   * Terms that cancel this topic's matches in the same sentence ("AS Roma" for
   * `roma`): one football mention does not untag an article about Roma migrants.
   */
  readonly exclusions: PerLanguage<readonly TermPattern[]>;
  readonly examples: {
    readonly match: readonly TopicExample[];
    readonly noMatch: readonly TopicExample[];
  };
  readonly file: string;
}

/** An organisation whose mentions are tracked: an entry of `config/organisations.yaml`. */
export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly country: CountryCode;
  readonly kind: 'coalition-member' | 'ngo' | 'public-body' | 'international';
  /** Full-name variants in any language, inflected forms are derived. */
  readonly variants: readonly string[];
  /** Abbreviations, matched as whole words and case-sensitively. */
  readonly abbreviations: readonly string[];
}

/** What a gazetteer entry names. */
export type PlaceKind = 'city' | 'region' | 'country';

/** A place whose mentions are tracked: an entry of `config/places.yaml`. */
export interface Place {
  readonly id: string;
  /** The place's name in its own country's language. */
  readonly name: string;
  readonly kind: PlaceKind;
  /** ISO 3166-1 alpha-2 code, lower-case (`ro`, `pl`, `md`, `ua`, `de`, `gb`). */
  readonly country: string;
  /** Names per language (base forms); regular inflected forms are derived by simple rules per language. */
  readonly names: PerLanguage<readonly string[]>;
  /** Further written forms in any language (irregular inflections: `Warszawie`, `Києві`), matched as written. */
  readonly forms: readonly string[];
  /**
   * Names that are also ordinary words (`Nisa`: a niche; `Łódź`: a boat), or
   * null: the languages whose names are ambiguous, and why. Such names (and
   * all `forms`) match only capitalised, and not first in a sentence unless the
   * place is named elsewhere too; every name of such a place matches only in
   * texts of its language (forms: in any).
   */
  readonly ambiguous: { readonly languages: readonly CoalitionLanguage[]; readonly reason: string } | null;
}

/**
 * A portrayal frame (how an article presents migrants: as a threat, as victims,
 * as workers…): an entry of `frames` in `config/frames.yaml`. Shaped like a
 * topic, so it is matched and scored like one (explainable terms, exclusions,
 * examples); `file` is `frames.yaml`.
 */
export type Frame = Topic;

/** A word used to name people on the move (`refugee`, `illegal_immigrant`): an entry of `terminology` in `config/frames.yaml`. */
export interface TerminologyLabel {
  readonly id: string;
  readonly labels: PerLanguage<string>;
  /** `neutral`, `legal` (a status in law) or `loaded` (stigmatising or dehumanising). */
  readonly register: 'neutral' | 'legal' | 'loaded';
  readonly terms: PerLanguage<readonly TermPattern[]>;
}

/** A digest recipient: an entry of `config/members.yaml`. */
export interface Member {
  readonly email: string;
  readonly name: string;
  readonly organisation: string;
  readonly language: 'ro' | 'pl' | 'en';
  readonly timeZone: string;
  readonly topics: readonly string[];
  readonly organisations: readonly string[];
  /** Send a short "nothing new" message for an empty week (otherwise none). */
  readonly sendEmptyDigest: boolean;
}

/** Everything under config/, validated. */
export interface PressmonConfig {
  readonly sources: readonly SourceConfig[];
  readonly topics: readonly Topic[];
  readonly organisations: readonly Organisation[];
  readonly members: readonly Member[];
  readonly places: readonly Place[];
  readonly frames: readonly Frame[];
  readonly terminology: readonly TerminologyLabel[];
}
