import type { Client, estypes } from '@elastic/elasticsearch';
import type { Logger } from '../core/logger.ts';
import type { Article, StoryMatcher, StoryText } from '../pipeline/types.ts';
import { describeEsError } from './ensure-indices.ts';
import { indexNames } from './index-names.ts';
import type { ArticleDocument, LanguageText } from './to-document.ts';

/**
 * Lookup keys two articles must share before they are compared: with 64
 * one-row MinHash bands this finds pairs of Jaccard similarity ≥ ~0.1
 * (pipeline/dedup/minhash.ts), well below what a near copy has.
 */
export const MIN_SHARED_BANDS = 6;
/** Candidates compared per article, the best-scoring first. */
export const MAX_CANDIDATES = 10;

export interface AssignStoriesOptions {
  readonly client: Client;
  readonly prefix: string;
  /** The comparison rule (pipeline/dedup createStoryMatcher), injected by the composition root. */
  readonly matcher: StoryMatcher;
  readonly logger: Logger;
}

/** A candidate earlier copy: what the decision reads of it. */
interface Candidate extends StoryText {
  readonly id: string;
  readonly storyId: string;
  readonly duplicateOf: string | null;
  /** When pressmon first saw it (ISO-8601); the oldest copy names the story. */
  readonly seenAt: string;
}

/** An article decided earlier in the same batch, with its lookup keys. */
interface BatchCandidate extends Candidate {
  readonly bands: readonly string[];
}

/**
 * Gives each article of a batch its story (issue 5 §7): candidates are found in
 * the index by content hash, shared MinHash keys and title key, and among the
 * batch itself; each is compared by `matcher`; the article joins the story of
 * the oldest copy it folds with, and an exact copy records `duplicateOf`. An
 * article already in the index keeps the story it has, so re-fetching never
 * moves an article between stories. Articles without fingerprint keys keep
 * their own story.
 *
 * When Elasticsearch cannot answer the lookup, the batch is returned as it
 * came (each article its own story) and the failure is logged: story folding
 * is never a reason to lose or hold back an article.
 */
export async function assignStories(
  articles: readonly Article[],
  options: AssignStoriesOptions,
): Promise<Article[]> {
  const alias = indexNames(options.prefix).articles;
  let indexed: ReadonlyMap<string, Candidate[]>;
  let known: ReadonlyMap<string, Candidate>;
  try {
    known = await lookupIndexedStories(options.client, alias, articles);
    indexed = await findCandidates(options.client, alias, articles);
  } catch (error) {
    options.logger.warn(
      { error: describeEsError(error), articles: articles.length },
      'story lookup failed; articles keep their own story',
    );
    return [...articles];
  }
  const decided: BatchCandidate[] = [];
  return articles.map((article) => {
    const existing = known.get(article.id);
    const assigned =
      existing !== undefined
        ? withStory(article, existing.storyId, existing.duplicateOf)
        : foldIntoStory(
            article,
            [...(indexed.get(article.id) ?? []), ...batchCandidates(article, decided)],
            options.matcher,
          );
    decided.push(candidateOf(assigned));
    return assigned;
  });
}

function foldIntoStory(article: Article, candidates: readonly Candidate[], matcher: StoryMatcher): Article {
  const self = candidateOf(article);
  let best: { candidate: Candidate; isExact: boolean } | null = null;
  for (const candidate of candidates) {
    if (candidate.id === article.id) continue;
    const { relation } = matcher(self, candidate);
    if (relation === 'different') continue;
    if (best === null || candidate.seenAt < best.candidate.seenAt) {
      best = { candidate, isExact: relation === 'exact-copy' };
    }
  }
  if (best === null) return article;
  return withStory(article, best.candidate.storyId, best.isExact ? best.candidate.id : null);
}

function withStory(article: Article, storyId: string, duplicateOf: string | null): Article {
  return { ...article, dedup: { ...article.dedup, storyId, duplicateOf } };
}

/** Earlier articles of the same batch that share enough keys to be worth a comparison. */
function batchCandidates(article: Article, decided: readonly BatchCandidate[]): Candidate[] {
  const keys = new Set(article.dedup.bands ?? []);
  return decided.filter((candidate) => {
    if (candidate.contentHash === article.dedup.contentHash) return true;
    let shared = 0;
    for (const key of candidate.bands) if (keys.has(key)) shared++;
    return shared >= MIN_SHARED_BANDS;
  });
}

function candidateOf(article: Article): BatchCandidate {
  return {
    id: article.id,
    storyId: article.dedup.storyId,
    duplicateOf: article.dedup.duplicateOf,
    title: article.title,
    body: article.body,
    contentHash: article.dedup.contentHash,
    seenAt: article.fetchedAt,
    bands: article.dedup.bands ?? [],
  };
}

const CANDIDATE_FIELDS = [
  'id',
  'title',
  'body',
  'dedup.content_hash',
  'dedup.story_id',
  'dedup.duplicate_of',
  'first_seen_at',
  'fetched_at',
];

/** The stories of those articles of the batch that are already indexed. */
async function lookupIndexedStories(
  client: Client,
  alias: string,
  articles: readonly Article[],
): Promise<Map<string, Candidate>> {
  const found = new Map<string, Candidate>();
  if (articles.length === 0) return found;
  const response = await client.mget<Partial<ArticleDocument>>({
    index: alias,
    ids: [...new Set(articles.map((article) => article.id))],
    _source_includes: CANDIDATE_FIELDS,
  });
  for (const doc of response.docs) {
    if ('error' in doc || !doc.found || doc._source === undefined) continue;
    const candidate = toCandidate(doc._id, doc._source);
    if (candidate !== null) found.set(doc._id, candidate);
  }
  return found;
}

/** Candidates of every article with keys, in one multi-search. */
async function findCandidates(
  client: Client,
  alias: string,
  articles: readonly Article[],
): Promise<Map<string, Candidate[]>> {
  const found = new Map<string, Candidate[]>();
  const searched = articles.filter((article) => (article.dedup.bands?.length ?? 0) > 0);
  if (searched.length === 0) return found;
  const searches: estypes.MsearchRequestItem[] = searched.flatMap((article) => [
    { index: alias },
    {
      size: MAX_CANDIDATES,
      _source: CANDIDATE_FIELDS,
      query: candidateQuery(article),
    },
  ]);
  const response = await client.msearch<Partial<ArticleDocument>>({ searches });
  response.responses.forEach((item, index) => {
    const article = searched[index];
    if (article === undefined) return;
    if ('error' in item)
      throw new Error(`story candidates of ${article.url}: ${item.error.type}: ${item.error.reason ?? ''}`);
    const candidates: Candidate[] = [];
    for (const hit of item.hits.hits) {
      const candidate = hit._source === undefined ? null : toCandidate(hit._id ?? '', hit._source);
      if (candidate !== null) candidates.push(candidate);
    }
    found.set(article.id, candidates);
  });
  return found;
}

function candidateQuery(article: Article): estypes.QueryDslQueryContainer {
  const should: estypes.QueryDslQueryContainer[] = [
    { term: { 'dedup.content_hash': { value: article.dedup.contentHash, boost: 100 } } },
    {
      bool: {
        should: (article.dedup.bands ?? []).map((key) => ({ term: { 'dedup.bands': key } })),
        minimum_should_match: MIN_SHARED_BANDS,
      },
    },
  ];
  const titleKey = article.dedup.titleKey;
  if (titleKey !== undefined && titleKey !== null) {
    should.push({ term: { 'dedup.title_key': { value: titleKey, boost: 10 } } });
  }
  return { bool: { should, minimum_should_match: 1, must_not: [{ ids: { values: [article.id] } }] } };
}

function toCandidate(id: string, source: Partial<ArticleDocument>): Candidate | null {
  const dedup = source.dedup;
  if (dedup === undefined) return null;
  return {
    id,
    storyId: dedup.story_id,
    duplicateOf: dedup.duplicate_of,
    title: firstText(source.title),
    body: firstText(source.body),
    contentHash: dedup.content_hash,
    seenAt: source.first_seen_at ?? source.fetched_at ?? '',
  };
}

/** The text of a language-keyed field (one key per article). */
function firstText(field: LanguageText | undefined): string {
  return field === undefined ? '' : (Object.values(field)[0] ?? '');
}
