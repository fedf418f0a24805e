// bench/dashboard: the dashboards as analysts meet them.
// 1. API search latency: GET /api/search (full text + language, topic and date
//    filters, the seven facets, highlights) over HTTP, p50/p95/p99 (goal p95 <= 150 ms
//    at 100,000 articles). Articles are synthetic (bench/support), indexed under
//    pressmon-bench-dashboard until --docs or the --budget-s time runs out: the
//    figure printed says how many articles were searched.
// 2. The page's JavaScript and CSS, minified and gzipped (goal JS <= 200 kB gzipped).
// 3. First paint and first meaningful paint (results drawn) of the search page in
//    Chromium (/usr/bin/chromium), cold cache, median of 5 loads.
// Usage: node bench/dashboard/run.ts [--docs 100000] [--queries 200] [--budget-s 900] [--keep]
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { loadConfigOrThrow } from '../../config/index.ts';
import { loadSettings } from '../../config/settings.ts';
import { createLogger } from '../../core/logger.ts';
import { buildFrontEnd, startDashboards } from '../../dashboards/index.ts';
import { createEsClient } from '../../indexer/es-client.ts';
import { countArticles, ensureIndices, indexNames, writeArticles } from '../../indexer/index.ts';
import { ensureElasticsearch } from '../../indexer/local-node/index.ts';
import type { Article } from '../../pipeline/types.ts';
import { loadRealTexts, seededRandom, syntheticArticles } from '../support/synthetic-articles.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '200' },
    'budget-s': { type: 'string', default: '900' },
    keep: { type: 'boolean', default: false },
  },
});
const wanted = Number(values.docs);
const queries = Number(values.queries);
const budgetMs = Number(values['budget-s']) * 1000;
const prefix = 'pressmon-bench-dashboard';
const token = 'bench-token-0123456789abcdefghijklmnopqrstuvwxyz';

const logger = createLogger('warn', { pretty: false });
const base = loadSettings();
await ensureElasticsearch(base, logger);
const settings = loadSettings({
  ...process.env,
  PRESSMON_INDEX_PREFIX: prefix,
  PRESSMON_DASHBOARD_API_TOKEN: token,
  PRESSMON_LOG_LEVEL: 'warn',
});
const client = createEsClient(settings);
const config = await loadConfigOrThrow({ configDir: settings.configDir, sourcesDir: settings.sourcesDir });

// --- 2. bundle size (no Elasticsearch needed)
const frontEnd = await buildFrontEnd();
for (const [name, asset] of frontEnd.assets) {
  const kind = name.endsWith('.js') ? 'JavaScript' : 'CSS';
  console.log(
    `bench/dashboard: ${kind} ${name}: ${(asset.body.length / 1024).toFixed(1)} kB minified, ${(gzipSync(asset.body).length / 1024).toFixed(1)} kB gzipped`,
  );
}

// --- index the synthetic articles (reused when a previous --keep run left enough)
await ensureIndices(client, prefix);
let total = await countArticles(client, prefix);
if (total < wanted) {
  const started = performance.now();
  const texts = loadRealTexts();
  async function* withinBudget(): AsyncGenerator<Article> {
    // Same seed as a fresh run: the ids repeat, so an interrupted index is completed, not doubled.
    for (const article of syntheticArticles(texts, wanted, 2000)) {
      if (performance.now() - started > budgetMs) return;
      yield article;
    }
  }
  const report = await writeArticles({
    client,
    prefix,
    articles: withinBudget(),
    spoolDir: `${settings.dataDir}/bench-dashboard-spool`,
    logger,
  });
  await client.indices.refresh({ index: indexNames(prefix).articles });
  total = await countArticles(client, prefix);
  console.log(
    `bench/dashboard: indexed ${report.indexed} synthetic articles in ${((performance.now() - started) / 1000).toFixed(0)} s (${total} in the index${total < wanted ? `, the ${values['budget-s']} s budget ran out before ${wanted}` : ''})`,
  );
}

// --- 1. API search latency over HTTP
const running = await startDashboards({ client, settings, config, logger }, { port: 0, host: '127.0.0.1' });
const TERMS = [
  'refugees',
  'migrants',
  'border',
  'government',
  '"prime minister"',
  'workers',
  'children',
  'asylum | refugee',
  'econom*',
  'health -covid',
  'uchodźcy',
  'granica',
  'беженцы',
  'граница',
  'Flüchtlinge',
  '',
];
const LANGUAGES = ['en', 'pl', 'ru', 'de'];
const TOPICS = ['asylum', 'ukraine_displacement', 'integration', 'labour_migration', 'legal_status'];
const random = seededRandom(11);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const searchUrl = (): string => {
  const year = 2025 + Math.floor(random() * 2);
  const params = new URLSearchParams({
    q: pick(TERMS),
    topic: pick(TOPICS),
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  params.append('lang', pick(LANGUAGES));
  params.append('lang', pick(LANGUAGES));
  if (random() < 0.3) params.set('sort', 'date');
  return `${running.url}/api/search?${params}`;
};
const headers = { authorization: `Bearer ${token}` };
for (let n = 0; n < 20; n++) await (await fetch(searchUrl(), { headers })).arrayBuffer(); // warm-up
const wall: number[] = [];
for (let n = 0; n < queries; n++) {
  const start = performance.now();
  const response = await fetch(searchUrl(), { headers });
  await response.arrayBuffer();
  wall.push(performance.now() - start);
  if (response.status !== 200) throw new Error(`bench/dashboard: /api/search answered ${response.status}`);
}
const percentile = (list: number[], p: number): number => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
console.log(
  `bench/dashboard: GET /api/search (text + 3 filters + 7 facets + highlight), ${queries} queries over ${total} articles: p50 ${percentile(wall, 50).toFixed(0)} ms, p95 ${percentile(wall, 95).toFixed(0)} ms, p99 ${percentile(wall, 99).toFixed(0)} ms`,
);

// --- 3. first (meaningful) paint in Chromium
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const paints: { fcp: number; results: number }[] = [];
for (let n = 0; n < 5; n++) {
  const context = await browser.newContext({
    extraHTTPHeaders: headers,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`${running.url}/search?q=refugees&lang=en`);
  await page.waitForSelector('#hits, #no-results');
  paints.push(
    await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      results: performance.getEntriesByName('pressmon:results-rendered')[0]?.startTime ?? Number.NaN,
    })),
  );
  await context.close();
}
await browser.close();
const median = (list: number[]): number => percentile(list, 50);
console.log(
  `bench/dashboard: search page in Chromium (cold cache, median of 5): first contentful paint ${median(paints.map((p) => p.fcp)).toFixed(0)} ms, results drawn (first meaningful paint) ${median(paints.map((p) => p.results)).toFixed(0)} ms`,
);

await running.close();
if (!values.keep) {
  const found = await client.indices.get({
    index: `${prefix}-*`,
    allow_no_indices: true,
    ignore_unavailable: true,
  });
  const names = Object.keys(found);
  if (names.length > 0) await client.indices.delete({ index: names });
}
await client.close();
