// bench/digest: compose and render (pure, no Elasticsearch, no SMTP) the
// digests of 200 members over a week of 20,000 articles, with syndicated
// copies, organisation mentions and frames, labels from the real config/.
// Prints the total time (goal <= 10 s), per-member p50/p95 and HTML sizes.
// Usage: node bench/digest/run.ts [--members 200] [--articles 20000]
import { parseArgs } from 'node:util';
import { loadConfigOrThrow } from '../../config/index.ts';
import { loadSettings } from '../../config/settings.ts';
import type { Member } from '../../config/types.ts';
import { weekWindow } from '../../digest/iso-week.ts';
import { buildDigest } from '../../digest/render.ts';
import { selectMemberArticles } from '../../digest/select.ts';
import type { WeekArticle } from '../../indexer/week-articles.ts';
import { seededRandom } from '../support/synthetic-articles.ts';

const { values } = parseArgs({
  options: { members: { type: 'string', default: '200' }, articles: { type: 'string', default: '20000' } },
});
const memberCount = Number(values.members);
const articleCount = Number(values.articles);
const settings = loadSettings();
const config = await loadConfigOrThrow({ configDir: settings.configDir, sourcesDir: settings.sourcesDir });
const random = seededRandom(9);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const week = { year: 2026, week: 3 };
const topicIds = config.topics.map((topic) => topic.id);
const organisationIds = config.organisations.map((organisation) => organisation.id);
const frameIds = config.frames.map((frame) => frame.id);
const sources = config.sources
  .slice(0, 60)
  .map((source) => ({ id: source.id, name: source.name, country: source.country }));

function syntheticWeek(): WeekArticle[] {
  const window = weekWindow(week, 'Europe/Bucharest');
  const from = Date.parse(window.from);
  const articles: WeekArticle[] = [];
  for (let n = 0; n < articleCount; n++) {
    // About a third of articles are syndicated copies of an earlier story.
    const storyId = random() < 0.33 && n > 10 ? `story-${Math.floor(random() * n)}` : `story-${n}`;
    const topics = [pick(topicIds), pick(topicIds)].filter((id, i, all) => all.indexOf(id) === i);
    articles.push({
      id: `bench-${n}`,
      url: `https://news.example.org/${n}/${'slug-'.repeat(6)}`,
      title: `Article ${n}: migrants, asylum & <policy> in the region — a long enough headline`,
      lead: 'The lead paragraph summarises the article in two sentences. It is long enough to be cut. '.repeat(
        3,
      ),
      source: pick(sources) ?? { id: 'x', name: 'X', country: 'ro' },
      publishedAt: new Date(from + random() * 7 * 86_400_000).toISOString(),
      firstSeenAt: null,
      language: pick(['ro', 'pl', 'en', 'ru', 'uk']),
      topics: topics.map((id) => ({ id, score: 1 + random() * 5 })),
      relevance: 2 + random() * 8,
      organisations: random() < 0.15 ? [{ id: pick(organisationIds), name: 'Org', count: 1 }] : [],
      frames: random() < 0.5 ? [{ id: pick(frameIds), score: 1 + random() * 3 }] : [],
      storyId,
    });
  }
  return articles;
}

function syntheticMembers(): Member[] {
  return Array.from({ length: memberCount }, (_, n) => ({
    email: `member-${n}@example.org`,
    name: `Member ${n}`,
    organisation: pick(organisationIds),
    language: pick(['ro', 'pl', 'en'] as const),
    timeZone: n % 2 === 0 ? 'Europe/Bucharest' : 'Europe/Warsaw',
    topics: [pick(topicIds), pick(topicIds), pick(topicIds)].filter((id, i, all) => all.indexOf(id) === i),
    organisations: [pick(organisationIds), pick(organisationIds)],
    sendEmptyDigest: false,
  }));
}

const pool = syntheticWeek();
const members = syntheticMembers();
const digestSettings = { ...settings.digest, publicUrl: 'https://pressmon.example.org' };
const perMember: number[] = [];
const sizes: number[] = [];
let stories = 0;
const start = performance.now();
const cpuStart = process.cpuUsage();
for (const member of members) {
  const t0 = performance.now();
  const { model, message } = buildDigest(
    {
      member,
      week,
      window: weekWindow(week, member.timeZone),
      selected: selectMemberArticles(member, pool, []),
      previous: { total: 100, perTopic: {} },
      savedSearches: [],
      vocabulary: config,
      publicUrl: digestSettings.publicUrl,
    },
    digestSettings,
  );
  perMember.push(performance.now() - t0);
  sizes.push(message.htmlBytes);
  stories += model.summary.stories;
}
const totalMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const percentile = (list: number[], p: number): number => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
console.log(
  `bench/digest: compose + render for ${memberCount} members over a week of ${articleCount} articles`,
);
console.log(
  `total ${(totalMs / 1000).toFixed(2)} s wall (goal <= 10 s), ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (wall above CPU means a busy machine)`,
);
console.log(
  `per member: p50 ${percentile(perMember, 50).toFixed(1)} ms, p95 ${percentile(perMember, 95).toFixed(1)} ms`,
);
console.log(
  `HTML: mean ${Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length)} bytes, max ${Math.max(...sizes)} bytes (limit 100000)`,
);
console.log(`mean stories per member: ${Math.round(stories / memberCount)}`);
