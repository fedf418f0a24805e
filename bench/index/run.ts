// bench/index: bulk throughput of pressmon's writer (writeArticles: first-seen
// lookup, create/index, spool on failure) next to a raw _bulk loader of the
// same documents on the same node, as a ratio (goal >= 0.8), and the index
// size per document. Usage: node bench/index/run.ts [--docs 100000] [--keep]
// (--keep leaves the pressmon-bench index for bench/search; --no-raw skips the
// raw loader, to build a large index for bench/search in half the time).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSettings } from '../../config/settings.ts';
import { createLogger } from '../../core/logger.ts';
import { createEsClient } from '../../indexer/es-client.ts';
import { ensureIndices, indexNames, toDocument, writeArticles } from '../../indexer/index.ts';
import { ensureElasticsearch } from '../../indexer/local-node/index.ts';
import { loadRealTexts, syntheticArticles } from '../support/synthetic-articles.ts';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
    'no-raw': { type: 'boolean', default: false },
  },
});
const docs = Number(values.docs);
const settings = loadSettings();
const logger = createLogger('warn', { pretty: false });
await ensureElasticsearch(settings, logger);
const client = createEsClient(settings);
const texts = loadRealTexts();
const ours = 'pressmon-bench';
const raw = 'pressmon-bench-raw';
const spoolDir = await mkdtemp(path.join(tmpdir(), 'pressmon-bench-spool-'));

for (const prefix of [ours, raw]) {
  const names = Object.values(indexNames(prefix));
  await client.indices.delete({ index: names, ignore_unavailable: true });
  await ensureIndices(client, prefix);
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);

console.log(`bench/index: ${docs} articles of ~5,000 characters from ${texts.length} real texts`);

// Warm-up (JIT, caches, the analysis plugin's dictionaries), not timed: whichever loader ran first would pay it.
const warmup = 'pressmon-bench-warmup';
await ensureIndices(client, warmup);
await writeArticles({
  client,
  prefix: warmup,
  articles: syntheticArticles(texts, 2000, 5000, 99),
  spoolDir,
  logger,
});
await client.indices.delete({ index: Object.values(indexNames(warmup)), ignore_unavailable: true });

const rawStart = performance.now();
async function* rawDocuments(): AsyncGenerator<{ id: string; doc: ReturnType<typeof toDocument> }> {
  for (const article of syntheticArticles(texts, docs))
    yield { id: article.id, doc: toDocument(article, new Date().toISOString()) };
}
const rawStats = values['no-raw']
  ? { successful: 0, failed: 0 }
  : await client.helpers.bulk<{ id: string; doc: ReturnType<typeof toDocument> }>({
      datasource: rawDocuments(),
      onDocument: (item) => [{ index: { _index: indexNames(raw).articles, _id: item.id } }, item.doc],
      flushBytes: 5_000_000,
      concurrency: 2,
      refreshOnCompletion: false,
    });
const rawSeconds = (performance.now() - rawStart) / 1000;

const oursStart = performance.now();
const report = await writeArticles({
  client,
  prefix: ours,
  articles: syntheticArticles(texts, docs),
  spoolDir,
  logger,
});
const oursSeconds = (performance.now() - oursStart) / 1000;
clearInterval(sampler);

await client.indices.refresh({ index: [indexNames(ours).articles, indexNames(raw).articles] });
await client.indices.forcemerge({ index: indexNames(ours).articles, max_num_segments: 1 }).catch(() => {});
const stats = await client.indices.stats({ index: indexNames(ours).articlesVersioned, metric: 'store' });
const storeBytes = stats._all.primaries?.store?.size_in_bytes ?? 0;
const count = (await client.count({ index: indexNames(ours).articles })).count;

const rate = (n: number, seconds: number): string => `${Math.round(n / seconds)} docs/s`;
if (!values['no-raw'])
  console.log(
    `raw _bulk loader : ${rawStats.successful} indexed, ${rawStats.failed} failed in ${rawSeconds.toFixed(1)} s = ${rate(rawStats.successful, rawSeconds)}`,
  );
console.log(
  `pressmon writer  : ${report.indexed} indexed, ${report.spooled} spooled in ${oursSeconds.toFixed(1)} s = ${rate(report.indexed, oursSeconds)}`,
);
if (!values['no-raw'])
  console.log(`ratio (pressmon / raw): ${(rawSeconds / oursSeconds).toFixed(2)}  (goal >= 0.8)`);
console.log(
  `index size: ${(storeBytes / 1024 / 1024).toFixed(0)} MB for ${count} articles = ${(storeBytes / Math.max(1, count) / 1024).toFixed(1)} kB per article (after force-merge)`,
);
console.log(`peak RSS of this process: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);

await client.indices.delete({ index: Object.values(indexNames(raw)), ignore_unavailable: true });
if (!values.keep)
  await client.indices.delete({ index: Object.values(indexNames(ours)), ignore_unavailable: true });
await rm(spoolDir, { recursive: true, force: true });
await client.close();
