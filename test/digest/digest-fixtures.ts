import type { Client } from '@elastic/elasticsearch';
import type { Frame, Member, Organisation, Topic } from '../../config/types.ts';
import { silentLogger } from '../../core/logger.ts';
import type { DigestVocabulary } from '../../digest/compose.ts';
import { writeArticles } from '../../indexer/bulk-writer.ts';
import { indexNames } from '../../indexer/index-names.ts';
import type { Article } from '../../pipeline/types.ts';
import { makeArticle } from '../indexer/make-article.ts';

/** The ISO week most tests use: Monday 12 to Sunday 18 January 2026. */
export const WEEK = '2026-W03';

function topic(id: string, en: string, ro: string, pl: string): Topic {
  return {
    id,
    labels: { en, ro, pl },
    description: en,
    weight: 1,
    terms: {},
    exclusions: {},
    examples: { match: [], noMatch: [] },
    file: `${id}.yaml`,
  };
}

function organisation(id: string, name: string, kind: Organisation['kind']): Organisation {
  return { id, name, country: 'ro', kind, variants: [name], abbreviations: [] };
}

/** Topic, organisation and frame labels as the coalition's config has them (a subset). */
export function testVocabulary(): DigestVocabulary {
  const frames: Frame[] = [
    topic('security_threat', 'Security threat', 'Amenințare la securitate', 'Zagrożenie bezpieczeństwa'),
    topic('victims', 'Victims', 'Victime', 'Ofiary'),
    topic('workers', 'Workers', 'Lucrători', 'Pracownicy'),
  ];
  return {
    topics: [
      topic('asylum', 'Asylum', 'Azil', 'Azyl'),
      topic('integration', 'Integration', 'Integrare', 'Integracja'),
      topic('public_image', 'Public image', 'Imaginea publică', 'Wizerunek publiczny'),
      topic(
        'detention_return_border',
        'Detention, return and borders',
        'Detenție, returnare și frontieră',
        'Detencja, powroty i granice',
      ),
      topic(
        'ukraine_displacement',
        'Displacement from Ukraine',
        'Refugiați din Ucraina',
        'Uchodźcy z Ukrainy',
      ),
      topic('data_statistics', 'Data and statistics', 'Date și statistici', 'Dane i statystyki'),
      topic('roma', 'Roma', 'Romi', 'Romowie'),
      topic('trafficking', 'Trafficking', 'Trafic de persoane', 'Handel ludźmi'),
    ],
    organisations: [
      organisation('cdcdi', 'CDCDI', 'coalition-member'),
      organisation('cnrr', 'Consiliul Național Român pentru Refugiați', 'coalition-member'),
      organisation('sip', 'Stowarzyszenie Interwencji Prawnej', 'coalition-member'),
      organisation('igi', 'Inspectoratul General pentru Imigrări', 'public-body'),
      organisation('straz-graniczna', 'Straż Graniczna', 'public-body'),
    ],
    frames,
  };
}

export function member(overrides: Partial<Member> & Pick<Member, 'email'>): Member {
  return {
    name: 'Test Member',
    organisation: 'cnrr',
    language: 'en',
    timeZone: 'Europe/Bucharest',
    topics: ['asylum'],
    organisations: [],
    sendEmptyDigest: false,
    ...overrides,
  };
}

/** The members of the digest tests: one per language, and two with nothing this week. */
export const MEMBERS = {
  ana: member({
    email: 'ana@example.org',
    name: 'Ana Exemplu',
    organisation: 'cdcdi',
    language: 'ro',
    topics: ['asylum', 'integration'],
    organisations: ['cdcdi', 'igi'],
  }),
  jan: member({
    email: 'jan@example.org',
    name: 'Jan Przykład',
    organisation: 'sip',
    language: 'pl',
    timeZone: 'Europe/Warsaw',
    topics: ['detention_return_border', 'asylum'],
    organisations: ['straz-graniczna'],
  }),
  sam: member({
    email: 'sam@example.org',
    name: 'Sam Example',
    language: 'en',
    topics: ['asylum', 'ukraine_displacement'],
  }),
  quiet: member({
    email: 'quiet@example.org',
    name: 'Quiet Member',
    topics: ['roma'],
    sendEmptyDigest: false,
  }),
  nothingNew: member({
    email: 'nothing-new@example.org',
    name: 'Nothing New',
    language: 'pl',
    timeZone: 'Europe/Warsaw',
    topics: ['trafficking'],
    sendEmptyDigest: true,
  }),
} as const;

interface DigestArticleFields {
  slug: string;
  title: string;
  publishedAt: string | null;
  topics: readonly string[];
  source?: Article['source'];
  storyId?: string;
  relevance?: number;
  isMigrationRelated?: boolean;
  organisations?: readonly string[];
  frames?: readonly string[];
  language?: Article['language']['code'];
  lead?: string | null;
  url?: string;
}

/** A real-looking indexed article for digest tests (built on test/indexer's makeArticle). */
export function digestArticle(fields: DigestArticleFields): Article {
  const names = Object.fromEntries(testVocabulary().organisations.map((o) => [o.id, o.name]));
  return makeArticle({
    slug: fields.slug,
    ...(fields.url === undefined ? {} : { url: fields.url, canonicalUrl: fields.url }),
    title: fields.title,
    lead: fields.lead === undefined ? `${fields.title}: what happened and who is affected.` : fields.lead,
    body: `${fields.title}. The body of the article tells the story of the people concerned in several paragraphs.`,
    publishedAt: fields.publishedAt,
    source: fields.source ?? { id: 'digi24', name: 'Digi24', country: 'ro' },
    language: { code: fields.language ?? 'ro', confidence: 0.98 },
    topics: fields.topics.map((id, index) => ({ id, score: 4 - index, terms: [] })),
    relevance: fields.relevance ?? 5,
    isMigrationRelated: fields.isMigrationRelated ?? true,
    organisations: (fields.organisations ?? []).map((id) => ({ id, name: names[id] ?? id, count: 1 })),
    frames: (fields.frames ?? []).map((id) => ({ id, score: 2, terms: [] })),
    dedup: {
      contentHash: `hash-${fields.slug}`,
      simhash: '0123456789abcdef',
      storyId: fields.storyId ?? `story-${fields.slug}`,
      duplicateOf: null,
    },
  });
}

export const HOSTILE_TITLE = 'Migrants <script>alert("x")</script><img src=x onerror=alert(1)> at the border';

/** The week's corpus: a syndicated story, a hostile title, an organisation mention, and articles that must stay out. */
export function weekCorpus(): Article[] {
  const ro = (id: string, name: string): Article['source'] => ({ id, name, country: 'ro' });
  return [
    // One story in three outlets: shown once, "also in".
    digestArticle({
      slug: 'centru-digi',
      title: 'Centru nou pentru solicitanții de azil la Galați',
      publishedAt: '2026-01-13T07:00:00Z',
      topics: ['asylum'],
      storyId: 'story-galati',
      source: ro('digi24', 'Digi24'),
      relevance: 6,
    }),
    digestArticle({
      slug: 'centru-hotnews',
      title: 'Centru nou pentru solicitanții de azil la Galați',
      publishedAt: '2026-01-13T09:30:00Z',
      topics: ['asylum'],
      storyId: 'story-galati',
      source: ro('hotnews', 'HotNews.ro'),
      relevance: 6,
    }),
    digestArticle({
      slug: 'centru-adevarul',
      title: 'Centru nou pentru solicitanții de azil la Galați',
      publishedAt: '2026-01-14T06:00:00Z',
      topics: ['asylum'],
      storyId: 'story-galati',
      source: ro('adevarul', 'Adevărul'),
      relevance: 5.5,
    }),
    digestArticle({
      slug: 'hostile',
      title: HOSTILE_TITLE,
      publishedAt: '2026-01-15T10:00:00Z',
      topics: ['asylum'],
      language: 'en',
      source: { id: 'evil', name: 'Evil <b>News</b>', country: 'int' },
      url: 'https://evil.example.org/a?x=1&y="2"',
      lead: 'Lead with <iframe src="https://evil.example.org"></iframe> & more',
    }),
    digestArticle({
      slug: 'javascript-link',
      title: 'A link that is not a web page',
      publishedAt: '2026-01-16T10:00:00Z',
      topics: ['asylum'],
      language: 'en',
      url: 'javascript:alert(document.cookie)',
    }),
    digestArticle({
      slug: 'integrare-cdcdi',
      title: 'CDCDI lansează un program de integrare',
      publishedAt: '2026-01-14T12:00:00Z',
      topics: ['integration'],
      organisations: ['cdcdi'],
      frames: ['victims'],
    }),
    digestArticle({
      slug: 'frontiera-pl',
      title: 'Straż Graniczna zatrzymała grupę migrantów',
      publishedAt: '2026-01-17T20:00:00Z',
      topics: ['detention_return_border'],
      organisations: ['straz-graniczna'],
      frames: ['security_threat'],
      language: 'pl',
      source: { id: 'oko-press', name: 'OKO.press', country: 'pl' },
    }),
    digestArticle({
      slug: 'ucraina',
      title: 'Refugees from Ukraine get new housing support',
      publishedAt: '2026-01-12T08:00:00Z',
      topics: ['ukraine_displacement'],
      language: 'en',
      frames: ['victims'],
      source: { id: 'balkan-insight', name: 'Balkan Insight', country: 'int' },
    }),
    // Sunday 23:30 in Warsaw is Monday 00:30 in Bucharest: in Jan's week, not in Ana's.
    digestArticle({
      slug: 'late-sunday',
      title: 'Late on Sunday at the border',
      publishedAt: '2026-01-18T22:30:00Z',
      topics: ['detention_return_border', 'asylum'],
      language: 'pl',
      source: { id: 'oko-press', name: 'OKO.press', country: 'pl' },
    }),
    // Out: below the relevance floor, not migration-related, the week before, the week after.
    digestArticle({
      slug: 'weak',
      title: 'A passing mention of asylum',
      publishedAt: '2026-01-14T09:00:00Z',
      topics: ['asylum'],
      relevance: 1,
    }),
    digestArticle({
      slug: 'not-migration',
      title: 'Political asylum of a football club',
      publishedAt: '2026-01-14T09:00:00Z',
      topics: ['asylum'],
      isMigrationRelated: false,
    }),
    digestArticle({
      slug: 'week-before-1',
      title: 'Asylum applications in December',
      publishedAt: '2026-01-06T09:00:00Z',
      topics: ['asylum'],
    }),
    digestArticle({
      slug: 'week-before-2',
      title: 'Asylum statistics',
      publishedAt: '2026-01-08T09:00:00Z',
      topics: ['asylum', 'data_statistics'],
    }),
    digestArticle({
      slug: 'week-after',
      title: 'Next week asylum',
      publishedAt: '2026-01-19T09:00:00Z',
      topics: ['asylum'],
    }),
  ];
}

/** How long after its publication a fixture article is first indexed, unless told: 10 minutes. */
export const INDEXING_LAG_MS = 10 * 60_000;

/**
 * Indexes fixture articles as the daily crawls would have: each one first
 * seen (`first_seen_at`, the writer's clock) `INDEXING_LAG_MS` after its
 * publication, or at `firstSeenAt[slug-url]` when given; then refreshes.
 * An article without a date needs its time in `firstSeenAt`.
 */
export async function indexAsCrawled(options: {
  readonly client: Client;
  readonly prefix: string;
  readonly spoolDir: string;
  readonly articles: readonly Article[];
  /** First-seen time (ISO-8601) by article URL. */
  readonly firstSeenAt?: Readonly<Record<string, string>>;
}): Promise<void> {
  const byTime = new Map<string, Article[]>();
  for (const article of options.articles) {
    const given = options.firstSeenAt?.[article.url];
    if (given === undefined && article.publishedAt === null) {
      throw new Error(`indexAsCrawled: ${article.url} has no date; give its firstSeenAt`);
    }
    const at = given ?? new Date(Date.parse(article.publishedAt as string) + INDEXING_LAG_MS).toISOString();
    byTime.set(at, [...(byTime.get(at) ?? []), article]);
  }
  for (const [at, articles] of byTime) {
    await writeArticles({
      client: options.client,
      prefix: options.prefix,
      articles,
      spoolDir: options.spoolDir,
      logger: silentLogger(),
      now: () => new Date(at),
    });
  }
  await options.client.indices.refresh({ index: indexNames(options.prefix).articles });
}
