import type { Client, estypes } from '@elastic/elasticsearch';
import type { CountryCode } from '../config/types.ts';
import { indexNames } from './index-names.ts';
import { scanDocuments } from './scan.ts';
import { type ArticleFilters, filterClauses, textQuery } from './search-query.ts';
import { type ArticleDocument, pickText } from './to-document.ts';

/**
 * What a digest needs of an article: no body, no matched terms. The indexer's
 * answer to "the articles of a week" (digest selection).
 */
export interface WeekArticle {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly lead: string | null;
  readonly source: { readonly id: string; readonly name: string; readonly country: CountryCode };
  /** ISO-8601 UTC, or null when the page gave no date. */
  readonly publishedAt: string | null;
  /** When pressmon first indexed it (ISO-8601 UTC); the article's time when it has no date. */
  readonly firstSeenAt: string | null;
  readonly language: string;
  readonly topics: readonly { readonly id: string; readonly score: number }[];
  readonly relevance: number;
  readonly organisations: readonly { readonly id: string; readonly name: string; readonly count: number }[];
  readonly frames: readonly { readonly id: string; readonly score: number }[];
  readonly storyId: string;
}

/** The week (or any window) and the floor every digest article clears. */
export interface WeekQuery {
  /** Inclusive start, ISO-8601 instant. */
  readonly from: string;
  /** Exclusive end, ISO-8601 instant. */
  readonly to: string;
  /** Least `relevance`; articles must also be migration-related. */
  readonly minRelevance: number;
  /**
   * Inclusive start of the week before, ISO-8601 instant: an article
   * published from then until `from` and first indexed inside the window
   * arrived late for that week's digest and belongs to this one. Default
   * `from` minus 7 days (give the previous week's start where a clock change
   * makes it 167 or 169 hours long).
   */
  readonly lateFrom?: string;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Who an article is for: any of these topics, any of these organisations, or any of these searches. */
export interface InterestFilter {
  readonly topicIds: readonly string[];
  readonly organisationIds: readonly string[];
  readonly searches: readonly SavedSearchQuery[];
}

/** The part of a saved search that selects articles (simple query syntax and the usual filters). */
export interface SavedSearchQuery extends ArticleFilters {
  readonly query: string;
}

const SOURCE_FIELDS = [
  'id',
  'url',
  'title',
  'lead',
  'source',
  'published_at',
  'first_seen_at',
  'language.code',
  'topics.id',
  'topics.score',
  'relevance',
  'organisations',
  'frames.id',
  'frames.score',
  'dedup.story_id',
];

/**
 * Every migration-related article of the window above the relevance floor
 * that matches the interest filter, page by page over a point in time. Which
 * week an article belongs to: see weekClauses (its publication date, or the
 * week it was first indexed in when it came late or has no date).
 */
export async function* scanWeekArticles(
  client: Client,
  prefix: string,
  week: WeekQuery,
  interest: InterestFilter,
  pageSize = 1000,
): AsyncGenerator<WeekArticle> {
  const interestClause = interestQuery(interest);
  if (interestClause === null) return;
  const documents = scanDocuments(client, prefix, {
    query: { bool: { filter: [...weekClauses(week), interestClause] } },
    pageSize,
    keepAlive: '2m',
    sourceFields: SOURCE_FIELDS,
  });
  for await (const document of documents) yield toWeekArticle(document);
}

/** Per group (a member), how many articles of the window match, in all and per topic id. */
export interface GroupCount {
  readonly total: number;
  readonly perTopic: Readonly<Record<string, number>>;
}

/**
 * Counts, in one request, the window's articles of several interest filters
 * (one per member): a `filters` aggregation with a topic breakdown in each
 * bucket. Filters that match nothing by construction count 0.
 */
export async function countWeekArticlesByGroup(
  client: Client,
  prefix: string,
  week: WeekQuery,
  groups: Readonly<Record<string, InterestFilter>>,
): Promise<Record<string, GroupCount>> {
  const filters: Record<string, estypes.QueryDslQueryContainer> = {};
  const counts: Record<string, GroupCount> = {};
  for (const [key, interest] of Object.entries(groups)) {
    const clause = interestQuery(interest);
    if (clause === null) counts[key] = { total: 0, perTopic: {} };
    else filters[key] = clause;
  }
  if (Object.keys(filters).length === 0) return counts;
  const response = await client.search({
    index: indexNames(prefix).articles,
    ignore_unavailable: true,
    allow_no_indices: true,
    size: 0,
    query: { bool: { filter: weekClauses(week) } },
    aggs: {
      groups: {
        filters: { filters },
        aggs: { topics: { terms: { field: 'topic_ids', size: 100 } } },
      },
    },
  });
  const buckets = (response.aggregations?.groups as estypes.AggregationsFiltersAggregate | undefined)
    ?.buckets as Record<string, estypes.AggregationsFiltersBucket> | undefined;
  for (const key of Object.keys(filters)) {
    const bucket = buckets?.[key];
    const topics = bucket?.topics as estypes.AggregationsStringTermsAggregate | undefined;
    const perTopic: Record<string, number> = {};
    for (const entry of Array.isArray(topics?.buckets) ? topics.buckets : []) {
      perTopic[String(entry.key)] = entry.doc_count;
    }
    counts[key] = { total: bucket?.doc_count ?? 0, perTopic };
  }
  return counts;
}

/**
 * The rule that puts each article in exactly one week W = [from, to), so
 * that an article indexed after its week's digest went out is not lost:
 * - published in W and first indexed before W ended (or indexed before
 *   `first_seen_at` existed);
 * - or first indexed in W and published in the week before (`lateFrom` ≤
 *   published < `from`): it came too late for that week's digest;
 * - or without a publication date and first indexed in W.
 * Older coverage found later (site search, archives) is in no week.
 */
function weekClauses(week: WeekQuery): estypes.QueryDslQueryContainer[] {
  const inWeek = { gte: week.from, lt: week.to };
  const lateFrom = week.lateFrom ?? new Date(Date.parse(week.from) - WEEK_MS).toISOString();
  const noFirstSeen: estypes.QueryDslQueryContainer = {
    bool: { must_not: [{ exists: { field: 'first_seen_at' } }] },
  };
  return [
    {
      bool: {
        should: [
          {
            bool: {
              filter: [{ range: { published_at: inWeek } }],
              should: [{ range: { first_seen_at: { lt: week.to } } }, noFirstSeen],
              minimum_should_match: 1,
            },
          },
          {
            bool: {
              filter: [
                { range: { published_at: { gte: lateFrom, lt: week.from } } },
                { range: { first_seen_at: inWeek } },
              ],
            },
          },
          {
            bool: {
              must_not: [{ exists: { field: 'published_at' } }],
              filter: [{ range: { first_seen_at: inWeek } }],
            },
          },
        ],
        minimum_should_match: 1,
      },
    },
    { term: { is_migration_related: true } },
    { range: { relevance: { gte: week.minRelevance } } },
  ];
}

/** The "any of" clause of an interest, or null when it names nothing. */
function interestQuery(interest: InterestFilter): estypes.QueryDslQueryContainer | null {
  const should: estypes.QueryDslQueryContainer[] = [];
  if (interest.topicIds.length > 0) should.push({ terms: { topic_ids: [...interest.topicIds] } });
  if (interest.organisationIds.length > 0) {
    should.push({ terms: { 'organisations.id': [...interest.organisationIds] } });
  }
  for (const search of interest.searches) should.push(savedSearchClause(search));
  return should.length === 0 ? null : { bool: { should, minimum_should_match: 1 } };
}

/** A saved search as one query clause: its text (simple query syntax) and its filters. */
export function savedSearchClause(search: SavedSearchQuery): estypes.QueryDslQueryContainer {
  return { bool: { must: [textQuery(search.query)], filter: filterClauses(search) } };
}

function toWeekArticle(doc: ArticleDocument): WeekArticle {
  return {
    id: doc.id,
    url: doc.url,
    title: pickText(doc.title) ?? '',
    lead: doc.lead === undefined ? null : (pickText(doc.lead) ?? null),
    source: doc.source,
    publishedAt: doc.published_at ?? null,
    firstSeenAt: doc.first_seen_at ?? null,
    language: doc.language.code,
    topics: (doc.topics ?? []).map(({ id, score }) => ({ id, score })),
    relevance: doc.relevance,
    organisations: doc.organisations ?? [],
    frames: (doc.frames ?? []).map(({ id, score }) => ({ id, score })),
    storyId: doc.dedup.story_id,
  };
}
