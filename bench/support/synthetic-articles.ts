import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CountryCode } from '../../config/types.ts';
import type { DetectedLanguageCode } from '../../core/languages.ts';
import { seededRandom } from '../../pipeline/dedup/make-pairs.ts';
import type { Article } from '../../pipeline/types.ts';
import { SHARED_DATA } from './shared-data.ts';

const DATA = path.join(SHARED_DATA, 'extraction');

/** A real news text (body and language) from ../shared/data, used to make realistic documents. */
interface RealText {
  readonly title: string;
  readonly body: string;
  readonly language: DetectedLanguageCode;
}

const LANGUAGE_OF: Record<string, DetectedLanguageCode> = {
  en: 'en',
  pl: 'pl',
  ru: 'ru',
  uk: 'uk',
  de: 'de',
  fr: 'fr',
  hu: 'hu',
  cs: 'cs',
};
const SOURCES: readonly { id: string; name: string; country: CountryCode }[] = [
  { id: 'hotnews', name: 'HotNews.ro', country: 'ro' },
  { id: 'digi24', name: 'Digi24', country: 'ro' },
  { id: 'oko-press', name: 'OKO.press', country: 'pl' },
  { id: 'rzeczpospolita', name: 'Rzeczpospolita', country: 'pl' },
  { id: 'newsmaker-md', name: 'NewsMaker', country: 'md' },
  { id: 'ukrinform', name: 'Ukrinform', country: 'ua' },
  { id: 'infomigrants', name: 'InfoMigrants', country: 'int' },
  { id: 'balkan-insight', name: 'Balkan Insight', country: 'int' },
];
const TOPICS = [
  'asylum',
  'ukraine_displacement',
  'integration',
  'labour_migration',
  'legal_status',
  'detention_return_border',
  'civil_society',
];

/** Real article texts: the gold bodies of scrapinghub-aeb and the fundus pages' bodies. */
export function loadRealTexts(): RealText[] {
  const texts: RealText[] = [];
  const gold = JSON.parse(
    readFileSync(path.join(DATA, 'scrapinghub-aeb/ground-truth.json'), 'utf8'),
  ) as Record<string, { articleBody?: string; headline?: string }>;
  for (const entry of Object.values(gold)) {
    if ((entry.articleBody ?? '').length > 1500) {
      texts.push({
        title: entry.headline ?? entry.articleBody?.slice(0, 80) ?? '',
        body: entry.articleBody ?? '',
        language: 'en',
      });
    }
  }
  const lines = readFileSync(path.join(DATA, 'fundus-news-pages/articles.jsonl'), 'utf8').split('\n');
  for (const line of lines) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { title?: string; body_text?: string; languages?: string[] };
    const language = LANGUAGE_OF[row.languages?.[0] ?? ''];
    if (language !== undefined && (row.body_text ?? '').length > 1500) {
      texts.push({ title: row.title ?? '', body: row.body_text ?? '', language });
    }
  }
  return texts;
}

// One seeded generator (mulberry32) for the benchmarks and the dedup evaluation pairs, so runs are comparable.
export { seededRandom };

/**
 * `count` articles of about `bodyChars` characters each, built from real texts
 * (a window of a real body, so documents differ), spread over two years, with
 * sources, topics and languages as a crawl would give them.
 */
export function* syntheticArticles(
  texts: readonly RealText[],
  count: number,
  bodyChars = 5000,
  seed = 1,
): Generator<Article> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const start = Date.parse('2024-11-01T00:00:00Z');
  for (let n = 0; n < count; n++) {
    const text = pick(texts);
    const offset = Math.floor(random() * Math.max(1, text.body.length - bodyChars));
    let body = text.body.slice(offset, offset + bodyChars);
    while (body.length < bodyChars) body += `\n\n${pick(texts).body.slice(0, bodyChars - body.length)}`;
    const url = `https://bench.example.org/${n}`;
    const source = pick(SOURCES);
    const topicIds = [pick(TOPICS), pick(TOPICS)].filter((id, index, all) => all.indexOf(id) === index);
    const published = new Date(start + Math.floor(random() * 730 * 86_400_000)).toISOString();
    yield {
      id: createHash('sha256').update(url).digest('hex').slice(0, 32),
      url,
      canonicalUrl: url,
      source,
      title: `${text.title} (${n})`,
      lead: body.slice(0, 200),
      body,
      authors: ['Bench Author'],
      section: 'news',
      keywords: [],
      publishedAt: published,
      modifiedAt: null,
      fetchedAt: published,
      language: { code: text.language, confidence: 0.99 },
      topics: topicIds.map((id) => ({ id, score: 1 + random() * 5, terms: [] })),
      relevance: 1 + random() * 10,
      isMigrationRelated: random() < 0.4,
      organisations: [],
      places: [],
      frames: [],
      terminology: [],
      dedup: {
        contentHash: createHash('sha256').update(body).digest('hex'),
        simhash: '0000000000000000',
        storyId: `story-${n}`,
        duplicateOf: null,
      },
      wordCount: body.split(/\s+/).length,
      pipelineVersion: 'bench',
    };
  }
}
