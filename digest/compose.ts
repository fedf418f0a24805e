import type { Frame, Member, Organisation, Topic } from '../config/types.ts';
import type { GroupCount } from '../indexer/week-articles.ts';
import { formatIsoWeek, type IsoWeek, type TimeWindow } from './iso-week.ts';
import type { SavedSearchMatches, SelectedArticle } from './select.ts';
import { articleTimeMs, foldStories, type Story } from './stories.ts';

/** The configuration a digest reads labels and names from. */
export interface DigestVocabulary {
  readonly topics: readonly Topic[];
  readonly organisations: readonly Organisation[];
  readonly frames: readonly Frame[];
}

/** Everything composeDigest needs for one member and one week. */
export interface ComposeInput {
  readonly member: Member;
  readonly week: IsoWeek;
  /** The week in the member's time zone. */
  readonly window: TimeWindow;
  readonly selected: readonly SelectedArticle[];
  /** The member's counts of the week before (null: unknown). */
  readonly previous: GroupCount | null;
  readonly savedSearches: readonly SavedSearchMatches[];
  readonly vocabulary: DigestVocabulary;
  /** Dashboards base URL without a trailing slash. */
  readonly publicUrl: string;
  readonly limits?: Partial<DigestLimits>;
}

/** How much a digest shows; the renderer lowers them when the HTML would grow too big. */
export interface DigestLimits {
  /** Stories shown per section; default 5. */
  readonly storiesPerSection: number;
  /** Story links per organisation; default 3. */
  readonly linksPerOrganisation: number;
  /** Frames listed in the balance; default 6. */
  readonly frames: number;
}

export const DEFAULT_LIMITS: DigestLimits = { storiesPerSection: 5, linksPerOrganisation: 3, frames: 6 };

/** A story as the digest shows it. */
export interface StoryView {
  readonly storyId: string;
  readonly articleId: string;
  readonly title: string;
  readonly lead: string | null;
  /** The original article; may be any string from a crawled page (the renderer keeps only http(s)). */
  readonly url: string;
  /** `<publicUrl>/articles/<id>`. */
  readonly articleViewUrl: string;
  readonly sourceName: string;
  /** ISO-8601 UTC or null. */
  readonly time: string | null;
  readonly language: string;
  readonly alsoIn: readonly string[];
  readonly outletCount: number;
  readonly relevance: number;
  /** The ranking score (relevance × outlets × recency). */
  readonly rank: number;
}

export interface DigestSection {
  readonly kind: 'topic' | 'saved-search';
  readonly id: string;
  readonly title: string;
  readonly storyCount: number;
  readonly stories: readonly StoryView[];
  /** Stories not shown for lack of room. */
  readonly moreCount: number;
}

export interface TopicCount {
  readonly id: string;
  readonly label: string;
  readonly articles: number;
  readonly previousArticles: number | null;
}

export interface OrganisationMentions {
  readonly id: string;
  readonly name: string;
  readonly storyCount: number;
  readonly articleCount: number;
  readonly stories: readonly StoryView[];
}

export interface FrameShare {
  readonly id: string;
  readonly label: string;
  readonly stories: number;
  /** stories / framed stories, 0..1. */
  readonly share: number;
}

/** One member's digest of one week, before rendering: pure data. */
export interface DigestModel {
  readonly member: Member;
  readonly organisationName: string;
  readonly week: string;
  readonly window: TimeWindow;
  readonly isEmpty: boolean;
  readonly summary: {
    readonly articles: number;
    readonly stories: number;
    readonly outlets: number;
    readonly previousArticles: number | null;
    readonly busiestTopics: readonly TopicCount[];
  };
  readonly sections: readonly DigestSection[];
  readonly organisations: readonly OrganisationMentions[];
  readonly frames: { readonly framedStories: number; readonly shares: readonly FrameShare[] };
  /** Labels of the member's topics, in the member's order (the footer names them). */
  readonly topicLabels: readonly string[];
  /** Every article the digest covers (the record keeps them). */
  readonly articleIds: readonly string[];
}

/**
 * Composes a member's digest: stories folded from syndicated copies, each
 * shown once, under the member's topic where it scores best (else under the
 * first saved search it matches; stories found only through an organisation
 * appear under its mentions); ranked by relevance, outlets and recency. Pure.
 */
export function composeDigest(input: ComposeInput): DigestModel {
  const limits = { ...DEFAULT_LIMITS, ...input.limits };
  const { member, vocabulary } = input;
  const stories = foldStories(input.selected);
  const fromMs = Date.parse(input.window.from);
  const spanMs = Date.parse(input.window.to) - fromMs;
  const ranked = stories
    .map((story) => ({ story, rank: rankAt(story, fromMs, spanMs) }))
    .sort((a, b) => b.rank - a.rank || (a.story.id < b.story.id ? -1 : 1));
  const view = (story: Story, rank: number): StoryView => toView(story, rank, input.publicUrl);
  const sections = buildSections(input, ranked, limits, view);
  const articles = input.selected.length;
  return {
    member,
    organisationName:
      vocabulary.organisations.find((o) => o.id === member.organisation)?.name ?? member.organisation,
    week: formatIsoWeek(input.week),
    window: input.window,
    isEmpty: stories.length === 0,
    summary: {
      articles,
      stories: stories.length,
      outlets: new Set(input.selected.map((item) => item.article.source.id)).size,
      previousArticles: input.previous?.total ?? null,
      busiestTopics: busiestTopics(input),
    },
    sections,
    organisations: member.organisations.map((id) => {
      const mentioning = ranked.filter(({ story }) => story.organisationIds.includes(id));
      return {
        id,
        name: vocabulary.organisations.find((o) => o.id === id)?.name ?? id,
        storyCount: mentioning.length,
        articleCount: input.selected.filter((item) => item.organisationIds.includes(id)).length,
        stories: mentioning.slice(0, limits.linksPerOrganisation).map(({ story, rank }) => view(story, rank)),
      };
    }),
    frames: frameBalance(stories, vocabulary.frames, member.language, limits.frames),
    topicLabels: member.topics.map((id) => topicLabel(vocabulary.topics, id, member.language)),
    articleIds: input.selected.map((item) => item.article.id).sort(),
  };
}

/**
 * Ranking score: relevance × (1 + ln outlets) × recency, where recency runs
 * from 0.8 (the week's first hour) to 1 (its end): more outlets and later
 * stories rise, but relevance leads.
 */
export function rankStory(story: Story, window: TimeWindow): number {
  const from = Date.parse(window.from);
  return rankAt(story, from, Date.parse(window.to) - from);
}

function rankAt(story: Story, fromMs: number, spanMs: number): number {
  const position = story.latestMs === null ? 0 : Math.min(1, Math.max(0, (story.latestMs - fromMs) / spanMs));
  return story.relevance * (1 + Math.log(story.outletCount)) * (0.8 + 0.2 * position);
}

function buildSections(
  input: ComposeInput,
  ranked: readonly { story: Story; rank: number }[],
  limits: DigestLimits,
  view: (story: Story, rank: number) => StoryView,
): DigestSection[] {
  const { member } = input;
  const placed = new Map<string, { story: Story; rank: number }[]>();
  const place = (key: string, entry: { story: Story; rank: number }): void => {
    const list = placed.get(key);
    if (list === undefined) placed.set(key, [entry]);
    else list.push(entry);
  };
  for (const entry of ranked) {
    const { story } = entry;
    let best: string | null = null;
    let bestScore = -Infinity;
    for (const id of member.topics) {
      const score = story.topicScores.find((entry) => entry.id === id)?.score;
      if (score !== undefined && score > bestScore) {
        best = id;
        bestScore = score;
      }
    }
    if (best !== null) place(`topic:${best}`, entry);
    else {
      const search = input.savedSearches.find((s) => story.savedSearchIds.includes(s.id));
      if (search !== undefined) place(`search:${search.id}`, entry);
    }
  }
  const section = (kind: DigestSection['kind'], id: string, title: string): DigestSection | null => {
    const entries = placed.get(`${kind === 'topic' ? 'topic' : 'search'}:${id}`) ?? [];
    if (entries.length === 0) return null;
    const shown = entries.slice(0, limits.storiesPerSection);
    return {
      kind,
      id,
      title,
      storyCount: entries.length,
      stories: shown.map(({ story, rank }) => view(story, rank)),
      moreCount: entries.length - shown.length,
    };
  };
  const topicSections = member.topics.map((id) =>
    section('topic', id, topicLabel(input.vocabulary.topics, id, member.language)),
  );
  const searchSections = input.savedSearches.map((search) => section('saved-search', search.id, search.name));
  return [...topicSections, ...searchSections].filter((s): s is DigestSection => s !== null);
}

function busiestTopics(input: ComposeInput): TopicCount[] {
  const counts = input.member.topics.map((id) => ({
    id,
    label: topicLabel(input.vocabulary.topics, id, input.member.language),
    articles: input.selected.filter((item) => item.topicIds.includes(id)).length,
    previousArticles: input.previous === null ? null : (input.previous.perTopic[id] ?? 0),
  }));
  return counts
    .filter((count) => count.articles > 0)
    .sort((a, b) => b.articles - a.articles)
    .slice(0, 3);
}

function frameBalance(
  stories: readonly Story[],
  frames: readonly Frame[],
  language: Member['language'],
  limit: number,
): DigestModel['frames'] {
  const counts = new Map<string, number>();
  let framedStories = 0;
  for (const story of stories) {
    if (story.frameIds.length > 0) framedStories++;
    for (const id of story.frameIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const shares = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([id, count]) => ({
      id,
      label: topicLabel(frames, id, language),
      stories: count,
      share: count / framedStories,
    }));
  return { framedStories, shares };
}

/** A topic's (or frame's) label in the member's language, else English, else its id. */
function topicLabel(topics: readonly Topic[], id: string, language: Member['language']): string {
  const topic = topics.find((candidate) => candidate.id === id);
  return topic?.labels[language] ?? topic?.labels.en ?? id;
}

function toView(story: Story, rank: number, publicUrl: string): StoryView {
  const lead = story.lead;
  const time = articleTimeMs(lead);
  return {
    storyId: story.id,
    articleId: lead.id,
    title: lead.title,
    lead: lead.lead,
    url: lead.url,
    articleViewUrl: `${publicUrl}/articles/${encodeURIComponent(lead.id)}`,
    sourceName: lead.source.name,
    time: time === null ? null : new Date(time).toISOString(),
    language: lead.language,
    alsoIn: story.alsoIn,
    outletCount: story.outletCount,
    relevance: story.relevance,
    rank,
  };
}
