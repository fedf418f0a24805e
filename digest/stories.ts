import type { WeekArticle } from '../indexer/week-articles.ts';
import type { SelectedArticle } from './select.ts';

/** One story: an article and its syndicated or near-identical copies (same `dedup.story_id`). */
export interface Story {
  readonly id: string;
  /** The first published copy: the one the digest shows and links. */
  readonly lead: WeekArticle;
  /** Every selected article of the story, the lead first. */
  readonly articles: readonly WeekArticle[];
  /** Names of the other outlets that ran it, in order of publication, without the lead's outlet. */
  readonly alsoIn: readonly string[];
  /** Distinct outlets, the lead's included. */
  readonly outletCount: number;
  /** The highest relevance of its articles. */
  readonly relevance: number;
  /** The latest time of its articles (ms since the epoch), or null when none has one. */
  readonly latestMs: number | null;
  /** The member's topics, with the best score any copy has for each. */
  readonly topicScores: ReadonlyMap<string, number>;
  readonly organisationIds: ReadonlySet<string>;
  readonly savedSearchIds: ReadonlySet<string>;
  /** Portrayal frames any copy has. */
  readonly frameIds: ReadonlySet<string>;
}

/** The time an article is placed at: its publication date, else when it was first seen. */
export function articleTimeMs(article: WeekArticle): number | null {
  const time = article.publishedAt ?? article.firstSeenAt;
  if (time === null) return null;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Folds selected articles into stories by `storyId`: syndicated copies become
 * one story shown once, with "also in: outlet A, outlet B". Pure; stories come
 * in order of their lead's time, then id, so the output is stable.
 */
export function foldStories(selected: readonly SelectedArticle[]): Story[] {
  const groups = new Map<string, SelectedArticle[]>();
  for (const item of selected) {
    const group = groups.get(item.article.storyId);
    if (group === undefined) groups.set(item.article.storyId, [item]);
    else group.push(item);
  }
  const stories = [...groups.entries()].map(([id, items]) => toStory(id, items));
  return stories.sort(
    (a, b) =>
      (articleTimeMs(a.lead) ?? Infinity) - (articleTimeMs(b.lead) ?? Infinity) || compare(a.id, b.id),
  );
}

function toStory(id: string, items: readonly SelectedArticle[]): Story {
  const ordered = [...items].sort(
    (a, b) =>
      (articleTimeMs(a.article) ?? Infinity) - (articleTimeMs(b.article) ?? Infinity) ||
      b.article.relevance - a.article.relevance ||
      compare(a.article.id, b.article.id),
  );
  const articles = ordered.map((item) => item.article);
  const lead = articles[0] as WeekArticle;
  const outlets: string[] = [];
  for (const article of articles) {
    if (!outlets.includes(article.source.name)) outlets.push(article.source.name);
  }
  const topicScores = new Map<string, number>();
  const organisationIds = new Set<string>();
  const savedSearchIds = new Set<string>();
  const frameIds = new Set<string>();
  let latestMs: number | null = null;
  for (const item of ordered) {
    for (const topicId of item.topicIds) {
      const score = item.article.topics.find((topic) => topic.id === topicId)?.score ?? 0;
      topicScores.set(topicId, Math.max(score, topicScores.get(topicId) ?? 0));
    }
    for (const organisationId of item.organisationIds) organisationIds.add(organisationId);
    for (const searchId of item.savedSearchIds) savedSearchIds.add(searchId);
    for (const frame of item.article.frames) if (frame.score > 0) frameIds.add(frame.id);
    const time = articleTimeMs(item.article);
    if (time !== null && (latestMs === null || time > latestMs)) latestMs = time;
  }
  return {
    id,
    lead,
    articles,
    alsoIn: outlets.filter((name) => name !== lead.source.name),
    outletCount: outlets.length,
    relevance: Math.max(...articles.map((article) => article.relevance)),
    latestMs,
    topicScores,
    organisationIds,
    savedSearchIds,
    frameIds,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
