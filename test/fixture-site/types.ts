import type { CoalitionLanguage } from '../../core/languages.ts';

/** Character encodings the fixture site serves pages in. */
export type FixtureEncoding = 'utf-8' | 'windows-1250' | 'iso-8859-2' | 'windows-1251';

/** Where a page declares its charset: the Content-Type header, a `<meta charset>`, or both. */
export type CharsetDeclaration = 'header' | 'meta' | 'header-and-meta';

/** The coalition's topic ids (config/topics). */
export type TopicId =
  | 'asylum'
  | 'ukraine_displacement'
  | 'integration'
  | 'labour_migration'
  | 'legal_status'
  | 'detention_return_border'
  | 'trafficking'
  | 'roma'
  | 'discrimination_hate'
  | 'children_minors'
  | 'local_policy'
  | 'data_statistics'
  | 'civil_society'
  | 'public_image'
  | 'emigration_diaspora';

/**
 * How a crawler can reach a page: linked from the home page, from a section
 * listing (any of its pages), listed in a feed, in a sitemap, only in a section
 * that JavaScript builds, or through a listing link that redirects to it.
 */
export type ReachedVia = 'home' | 'section' | 'feed' | 'sitemap' | 'js-section' | 'redirect';

/** Where a page's text came from. */
export type PageOrigin =
  | { readonly kind: 'written'; readonly note: string }
  | {
      readonly kind: 'real';
      /** Folder of ../shared/data the page was copied from, and the file in it. */
      readonly dataset: string;
      readonly file: string;
      readonly originalUrl: string;
      readonly licence: string;
    };

/** An article text written for the fixture site; each outlet renders it in its own layout. */
export interface WrittenArticle {
  readonly title: string;
  /** The standfirst shown above the body. */
  readonly lead: string;
  readonly paragraphs: readonly string[];
  readonly authors: readonly string[];
  /** The date as printed on the page, in the outlet's language. */
  readonly displayDate: string;
  readonly section: string;
  /**
   * Which metadata the page carries: JSON-LD NewsArticle and OpenGraph, OpenGraph
   * only, or none beyond a `<time datetime>` element.
   */
  readonly metadata: 'json-ld-and-og' | 'og-only' | 'time-only';
}

/** One article page of the fixture site with its expected truth. */
export interface FixturePage {
  /** URL path on its outlet, starting with `/`. */
  readonly path: string;
  readonly title: string;
  /** ISO 639-1 code of the article's language. */
  readonly language: CoalitionLanguage;
  /** UTC ISO-8601 publication time, where the page states one. */
  readonly publishedAt?: string;
  /** Authors as the page names them; empty where the fixture does not assert them (the real English pages). */
  readonly authors: readonly string[];
  /** Decided by reading the text against DESIGN.md §4 ("main subject, or a substantial part"). */
  readonly isMigrationRelated: boolean;
  readonly expectedTopics: readonly TopicId[];
  /** Why the labels are what they are, where it is not obvious. */
  readonly labelNote?: string;
  readonly reachedVia: readonly ReachedVia[];
  /** robots.txt of its outlet disallows the page (a polite crawler must not fetch it). */
  readonly robotsDisallowed: boolean;
  readonly encoding: FixtureEncoding;
  readonly charsetDeclaredIn: CharsetDeclaration;
  /** A word or phrase of the body that a full-text search must find (as written, diacritics included). */
  readonly distinctivePhrase: string;
  /** The page answers only after the site's `slowMs`. */
  readonly isSlow?: boolean;
  readonly origin: PageOrigin;
  /** The page's content: a text written here, or a file under pages/ (UTF-8). */
  readonly content: { readonly written: WrittenArticle } | { readonly file: string };
}
