import type { Member } from '../config/types.ts';
import type { WeekArticle } from '../indexer/week-articles.ts';

const NONE: readonly string[] = [];

/** A saved search's matches in the week, for the members it names. */
export interface SavedSearchMatches {
  readonly id: string;
  readonly name: string;
  /** Lower-case e-mail addresses. */
  readonly recipients: readonly string[];
  readonly articleIds: ReadonlySet<string>;
}

/** An article chosen for a member, and why. */
export interface SelectedArticle {
  readonly article: WeekArticle;
  /** The member's topics the article carries, in the member's order. */
  readonly topicIds: readonly string[];
  /** The member's organisations the article mentions. */
  readonly organisationIds: readonly string[];
  /** The member's saved searches it matches. */
  readonly savedSearchIds: readonly string[];
}

/**
 * The member's articles among the week's pool (already limited to the week
 * and the relevance floor): those carrying one of the member's topics,
 * mentioning one of the member's organisations, or matching one of the
 * saved searches that name the member. Pure.
 */
export function selectMemberArticles(
  member: Member,
  pool: readonly WeekArticle[],
  savedSearches: readonly SavedSearchMatches[],
): SelectedArticle[] {
  const email = member.email.toLowerCase();
  const searches = savedSearches.filter((search) => search.recipients.includes(email));
  const organisations = new Set(member.organisations);
  const topics = new Set(member.topics);
  const selected: SelectedArticle[] = [];
  for (const article of pool) {
    // Most articles match nothing: test cheaply before building the reason lists.
    const hasTopic = article.topics.some((topic) => topics.has(topic.id));
    const hasOrganisation = article.organisations.some((mention) => organisations.has(mention.id));
    const hasSearch = searches.some((search) => search.articleIds.has(article.id));
    if (!hasTopic && !hasOrganisation && !hasSearch) continue;
    selected.push({
      article,
      topicIds: hasTopic
        ? member.topics.filter((id) => article.topics.some((topic) => topic.id === id))
        : NONE,
      organisationIds: hasOrganisation
        ? article.organisations.flatMap((mention) => (organisations.has(mention.id) ? [mention.id] : []))
        : NONE,
      savedSearchIds: hasSearch
        ? searches.flatMap((search) => (search.articleIds.has(article.id) ? [search.id] : []))
        : NONE,
    });
  }
  return selected;
}
