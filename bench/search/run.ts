// bench/search: latency of typical analyst queries (full text + 3 filters +
// facets + highlight) through indexer/search.ts, against the index that
// `node bench/index/run.ts --docs N --keep` left (prefix pressmon-bench).
// Prints p50 / p95 / p99 over the queries (goal p95 <= 100 ms at 1,000,000 documents).
// Usage: node bench/search/run.ts [--queries 300] [--seed 7]
import { parseArgs } from 'node:util';
import { loadSettings } from '../../config/settings.ts';
import { createLogger } from '../../core/logger.ts';
import { createEsClient } from '../../indexer/es-client.ts';
import { countArticles, type SearchRequest, searchArticles } from '../../indexer/index.ts';
import { ensureElasticsearch } from '../../indexer/local-node/index.ts';
import { seededRandom } from '../support/synthetic-articles.ts';

const { values } = parseArgs({
  options: { queries: { type: 'string', default: '300' }, seed: { type: 'string', default: '7' } },
});
const queries = Number(values.queries);
const settings = loadSettings();
await ensureElasticsearch(settings, createLogger('warn', { pretty: false }));
const client = createEsClient(settings);
const prefix = 'pressmon-bench';
const total = await countArticles(client, prefix);
if (total === 0) {
  console.error(
    'bench/search: no documents under pressmon-bench; run `node bench/index/run.ts --docs N --keep` first',
  );
  process.exit(1);
}

// Words analysts type, in the languages the synthetic articles carry (en, pl, ru, de, fr, ...).
const TERMS = [
  'refugees',
  'migrants',
  'border',
  'government',
  'police',
  'election',
  '"prime minister"',
  'court',
  'workers',
  'children',
  'school',
  'europe',
  'war',
  'asylum | refugee',
  'econom*',
  'health -covid',
  'uchodźcy',
  'granica',
  'rząd',
  'беженцы',
  'граница',
  'правительство',
  'Flüchtlinge',
  'réfugiés',
];
const LANGUAGES = ['en', 'pl', 'ru', 'de'];
const TOPICS = ['asylum', 'ukraine_displacement', 'integration', 'labour_migration', 'legal_status'];
// Another --seed draws other queries: a second run with the same seed measures warm caches.
const random = seededRandom(Number(values.seed));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function analystQuery(): SearchRequest {
  const year = 2025 + Math.floor(random() * 2);
  return {
    query: pick(TERMS),
    languages: [pick(LANGUAGES), pick(LANGUAGES)],
    topics: [pick(TOPICS)],
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    sort: random() < 0.7 ? 'relevance' : 'date',
    size: 20,
    facets: true,
    highlight: true,
  };
}

for (let n = 0; n < 20; n++) await searchArticles(client, prefix, analystQuery()); // warm-up
const wall: number[] = [];
const took: number[] = [];
let hits = 0;
for (let n = 0; n < queries; n++) {
  const start = performance.now();
  const response = await searchArticles(client, prefix, analystQuery());
  wall.push(performance.now() - start);
  if (!response.ok) throw new Error(`bench/search: ${response.message}`);
  took.push(response.tookMs);
  hits += response.total;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const row = (label: string, values: number[]): string =>
  `${label}: p50 ${percentile(values, 50).toFixed(0)} ms, p95 ${percentile(values, 95).toFixed(0)} ms, p99 ${percentile(values, 99).toFixed(0)} ms`;
console.log(
  `bench/search: ${queries} analyst queries (full text + language, topic, date filters + facets + highlight) over ${total} articles`,
);
console.log(row('end to end (client)', wall));
console.log(row('Elasticsearch took', took));
console.log(`mean hits per query: ${Math.round(hits / queries)}`);
await client.close();
