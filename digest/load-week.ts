import type { Client } from '@elastic/elasticsearch';
import type { Member } from '../config/types.ts';
import type { DigestSavedSearch, SkippedSavedSearch } from '../indexer/digest-saved-searches.ts';
import { listDigestSavedSearches } from '../indexer/digest-saved-searches.ts';
import {
  countWeekArticlesByGroup,
  type GroupCount,
  type InterestFilter,
  scanWeekArticles,
  type WeekArticle,
  type WeekQuery,
} from '../indexer/week-articles.ts';
import { type IsoWeek, previousIsoWeek, type TimeWindow, weekWindow } from './iso-week.ts';
import { type SavedSearchMatches, type SelectedArticle, selectMemberArticles } from './select.ts';

/** One member's material for a week, read from Elasticsearch. */
export interface MemberWeek {
  readonly member: Member;
  /** The week in the member's time zone. */
  readonly window: TimeWindow;
  readonly selected: readonly SelectedArticle[];
  readonly previous: GroupCount;
  /** The saved searches that name the member, with their matches. */
  readonly savedSearches: readonly SavedSearchMatches[];
}

export interface WeekMaterial {
  readonly members: readonly MemberWeek[];
  /** Saved searches marked for digests that could not be used, and why. */
  readonly skippedSearches: readonly SkippedSavedSearch[];
}

/**
 * Reads what the members' digests of `week` need, with few requests: per time
 * zone of the members, one scan of the week's articles that any of them
 * follows, one scan per saved search, and one aggregation with every member's
 * count of the week before. Selection per member then runs in memory.
 */
export async function loadWeekMaterial(
  client: Client,
  prefix: string,
  members: readonly Member[],
  week: IsoWeek,
  minRelevance: number,
): Promise<WeekMaterial> {
  const { searches, skipped } = await listDigestSavedSearches(client, prefix);
  const byZone = new Map<string, Member[]>();
  for (const member of members) byZone.set(member.timeZone, [...(byZone.get(member.timeZone) ?? []), member]);
  const loaded: MemberWeek[] = [];
  for (const [timeZone, zoneMembers] of byZone) {
    const window = weekWindow(week, timeZone);
    const previousWindow = weekWindow(previousIsoWeek(week), timeZone);
    // Late arrivals come from the week before (167 or 169 hours long across a clock change).
    const thisWeek = { ...window, lateFrom: previousWindow.from, minRelevance };
    const lastWeek = {
      ...previousWindow,
      lateFrom: weekWindow(previousIsoWeek(previousIsoWeek(week)), timeZone).from,
      minRelevance,
    };
    const zoneSearches = searches.filter((search) =>
      zoneMembers.some((member) => search.recipients.includes(member.email.toLowerCase())),
    );
    const union: InterestFilter = {
      topicIds: unique(zoneMembers.flatMap((member) => member.topics)),
      organisationIds: unique(zoneMembers.flatMap((member) => member.organisations)),
      searches: zoneSearches.map((search) => search.query),
    };
    const pool: WeekArticle[] = [];
    for await (const article of scanWeekArticles(client, prefix, thisWeek, union)) {
      pool.push(article);
    }
    const matches = await searchMatches(client, prefix, zoneSearches, thisWeek);
    const groups: Record<string, InterestFilter> = {};
    for (const member of zoneMembers) groups[member.email.toLowerCase()] = interestOf(member, zoneSearches);
    const previous = await countWeekArticlesByGroup(client, prefix, lastWeek, groups);
    for (const member of zoneMembers) {
      const email = member.email.toLowerCase();
      const own = matches.filter((search) => search.recipients.includes(email));
      loaded.push({
        member,
        window,
        selected: selectMemberArticles(member, pool, own),
        previous: previous[email] ?? { total: 0, perTopic: {} },
        savedSearches: own,
      });
    }
  }
  const order = new Map(members.map((member, index) => [member.email, index]));
  loaded.sort((a, b) => (order.get(a.member.email) ?? 0) - (order.get(b.member.email) ?? 0));
  return { members: loaded, skippedSearches: skipped };
}

/** What a member follows, as an interest filter (their saved searches included). */
export function interestOf(member: Member, searches: readonly DigestSavedSearch[]): InterestFilter {
  const email = member.email.toLowerCase();
  return {
    topicIds: member.topics,
    organisationIds: member.organisations,
    searches: searches.filter((search) => search.recipients.includes(email)).map((search) => search.query),
  };
}

async function searchMatches(
  client: Client,
  prefix: string,
  searches: readonly DigestSavedSearch[],
  week: WeekQuery,
): Promise<SavedSearchMatches[]> {
  const matches: SavedSearchMatches[] = [];
  for (const search of searches) {
    const ids = new Set<string>();
    const interest = { topicIds: [], organisationIds: [], searches: [search.query] };
    for await (const article of scanWeekArticles(client, prefix, week, interest)) ids.add(article.id);
    matches.push({ id: search.id, name: search.name, recipients: search.recipients, articleIds: ids });
  }
  return matches;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
