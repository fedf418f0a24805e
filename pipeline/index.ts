import type { SourceConfig } from '../config/types.ts';
import { articleIdFor, normaliseUrl } from '../core/canonical-url.ts';
import type { FetchedPage } from '../crawlers/types.ts';
import type { CompiledPipeline } from './compile-pipeline.ts';
import { countWords, dedupInfoOf } from './dedup/index.ts';
import { extractArticle } from './extract/index.ts';
import { findTerminology, scoreFrames } from './frames/index.ts';
import { detectLanguage } from './language/index.ts';
import { normaliseText } from './normalise-text.ts';
import { findOrganisations } from './organisations/index.ts';
import { findPlaces } from './places/index.ts';
import { analyseText, tagTopics } from './topics/index.ts';
import type { Article, ExtractedArticle, ProcessResult } from './types.ts';

export { type CompiledPipeline, compilePipeline } from './compile-pipeline.ts';
export { createStoryMatcher, dedupInfoOf } from './dedup/index.ts';
export { type CompiledFrames, compileFrames, findTerminology, scoreFrames } from './frames/index.ts';
export { detectLanguage } from './language/index.ts';
export { normaliseText } from './normalise-text.ts';
export {
  type CompiledOrganisations,
  compileOrganisations,
  findOrganisations,
} from './organisations/index.ts';
export { type CompiledPlaces, compilePlaces, findPlaces } from './places/index.ts';
export type { CompiledTaxonomy } from './topics/index.ts';
export { analyseText, compileTopics, runTopicExamples, tagTopics } from './topics/index.ts';

/** Bumped whenever a stage changes what it produces; stored on every article. */
export const PIPELINE_VERSION = '0.3.1';

/** What the pipeline needs besides the page: the page's source and the compiled config (compilePipeline). */
export interface PipelineContext {
  readonly source: Pick<SourceConfig, 'id' | 'name' | 'country' | 'languages' | 'timeZone'> &
    Partial<Pick<SourceConfig, 'extraction'>>;
  readonly compiled: CompiledPipeline;
}

/**
 * Runs every stage over one fetched page: extract → normalise → language →
 * topics → organisations → places → frames and terminology → fingerprint.
 * The text is tokenised and matched against every term once (analyseText),
 * and that analysis is shared by the enrichment stages.
 * Pure: the same page and context give the same Article.
 */
export function processPage(page: FetchedPage, context: PipelineContext): ProcessResult {
  const { source } = context;
  const extracted = extractArticle(page, {
    timeZone: source.timeZone,
    ...(source.extraction ? { overrides: source.extraction } : {}),
  });
  if (!extracted.ok) return extracted;
  const found = extracted.article;
  const title = normaliseText(found.title);
  const lead = found.lead === null ? null : normaliseText(found.lead);
  const body = normaliseText(found.body);
  const language = detectLanguage({
    text: [title, lead ?? '', body].join('\n\n'),
    declared: found.declaredLanguage,
    sourceLanguages: source.languages,
  });
  const { compiled } = context;
  const text = { title, lead, body, language: language.code };
  const analysed = analyseText(compiled.dictionary, text);
  const tagging = tagTopics(compiled.taxonomy, text, analysed);
  const canonicalUrl = chooseCanonicalUrl(found, page.finalUrl);
  const id = articleIdFor(canonicalUrl);
  const article: Article = {
    id,
    url: page.finalUrl,
    canonicalUrl,
    source: { id: source.id, name: source.name, country: source.country },
    title,
    lead,
    body,
    authors: found.authors,
    section: found.section,
    keywords: found.keywords,
    publishedAt: found.publishedAt ?? page.discovery?.publishedAt ?? null,
    modifiedAt: found.modifiedAt,
    fetchedAt: page.fetchedAt,
    language,
    topics: tagging.topics,
    relevance: tagging.relevance,
    isMigrationRelated: tagging.isMigrationRelated,
    organisations: findOrganisations(compiled.organisations, text, analysed.fields),
    places: findPlaces(compiled.places, text, analysed.fields),
    frames: scoreFrames(compiled.frames, text, analysed),
    terminology: findTerminology(compiled.frames, text, analysed),
    // Its own story until indexer/stories.ts (assignStories) finds an earlier copy.
    dedup: dedupInfoOf({ id, title, body }),
    wordCount: countWords(body),
    pipelineVersion: PIPELINE_VERSION,
  };
  return { ok: true, article };
}

/**
 * The URL that identifies the article: the page's declared canonical URL when
 * it stays on the same site (ignoring `www.`), otherwise the URL that answered.
 * A canonical pointing at another outlet (syndication) must not merge our copy
 * into theirs.
 */
export function chooseCanonicalUrl(found: Pick<ExtractedArticle, 'canonicalUrl'>, finalUrl: string): string {
  const fallback = normaliseUrl(finalUrl) ?? finalUrl;
  const declared = normaliseUrl(found.canonicalUrl);
  if (declared === null) return fallback;
  const siteOf = (url: string): string => new URL(url).hostname.replace(/^www\./, '');
  return siteOf(declared) === siteOf(fallback) ? declared : fallback;
}
