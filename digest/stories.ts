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
  /** The lead's time (ms since the epoch), or null. */
  readonly leadMs: number | null;
  /** The latest time of its articles (ms since the epoch), or null when none has one. */
  readonly latestMs: number | null;
  /** The member's topics, with the best score any copy has for each (small lists: arrays beat sets here). */
  readonly topicScores: readonly { readonly id: string; readonly score: number }[];
  readonly organisationIds: readonly string[];
  readonly savedSearchIds: readonly string[];
  /** Portrayal frames any copy has. */
  readonly frameIds: readonly string[];
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
  // Parsed once per article: sorting would otherwise parse the same dates over and over.
  const times = new Map<WeekArticle, number | null>();
  for (const item of selected) {
    times.set(item.article, articleTimeMs(item.article));
    const group = groups.get(item.article.storyId);
    if (group === undefined) groups.set(item.article.storyId, [item]);
    else group.push(item);
  }
  const stories = [...groups.entries()].map(([id, items]) => toStory(id, items, times));
  return stories.sort((a, b) => (a.leadMs ?? Infinity) - (b.leadMs ?? Infinity) || compare(a.id, b.id));
}

function toStory(
  id: string,
  items: readonly SelectedArticle[],
  times: ReadonlyMap<WeekArticle, number | null>,
): Story {
  const timeOf = (article: WeekArticle): number | null => times.get(article) ?? null;
  const ordered =
    items.length === 1
      ? items
      : [...items].sort(
          (a, b) =>
            (timeOf(a.article) ?? Infinity) - (timeOf(b.article) ?? Infinity) ||
            b.article.relevance - a.article.relevance ||
            compare(a.article.id, b.article.id),
        );
  const lead = (ordered[0] as SelectedArticle).article;
  const articles: WeekArticle[] = [];
  const outlets: string[] = [];
  const topicScores: { id: string; score: number }[] = [];
  const organisationIds: string[] = [];
  const savedSearchIds: string[] = [];
  const frameIds: string[] = [];
  let latestMs: number | null = null;
  let relevance = 0;
  for (const item of ordered) {
    const article = item.article;
    articles.push(article);
    if (!outlets.includes(article.source.name)) outlets.push(article.source.name);
    relevance = Math.max(relevance, article.relevance);
    for (const topicId of item.topicIds) {
      const score = article.topics.find((topic) => topic.id === topicId)?.score ?? 0;
      const known = topicScores.find((entry) => entry.id === topicId);
      if (known === undefined) topicScores.push({ id: topicId, score });
      else known.score = Math.max(known.score, score);
    }
    addAll(organisationIds, item.organisationIds);
    addAll(savedSearchIds, item.savedSearchIds);
    for (const frame of article.frames)
      if (frame.score > 0 && !frameIds.includes(frame.id)) frameIds.push(frame.id);
    const time = timeOf(article);
    if (time !== null && (latestMs === null || time > latestMs)) latestMs = time;
  }
  return {
    id,
    lead,
    articles,
    alsoIn: outlets.filter((name) => name !== lead.source.name),
    leadMs: timeOf(lead),
    outletCount: outlets.length,
    relevance,
    latestMs,
    topicScores,
    organisationIds,
    savedSearchIds,
    frameIds,
  };
}

function addAll(target: string[], values: readonly string[]): void {
  for (const value of values) if (!target.includes(value)) target.push(value);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
