// bench/crawl: crawling throughput and memory, with no politeness delay (allowed host, delayMs 0,
// two requests per host) and no Elasticsearch (pages are archived, then dropped):
//  1. the fixture news site (4 outlets, HTML discovery, no browser), as a small realistic case;
//  2. a synthetic site on loopback: a sitemap of N article pages of ~30 KB each.
// Prints pages/s, MB/s and peak RSS / heap. The HTTP servers run in this process and share its CPU.
// Usage: node bench/crawl/run.ts [--pages 2000]
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigOrThrow } from '../../config/index.ts';
import { loadSettings } from '../../config/settings.ts';
import type { SourceConfig } from '../../config/types.ts';
import { silentLogger } from '../../core/logger.ts';
import { crawlSource } from '../../crawlers/index.ts';
import { startFixtureSite, withFixturePorts } from '../../test/fixture-site/index.ts';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '2000' } } });
const syntheticPages = Number(values.pages);
const ROOT = path.resolve(import.meta.dirname, '../..');

interface Sample {
  peakRssMb: number;
  peakHeapMb: number;
}

function sampleMemory(): { stop: () => Sample } {
  const peak: Sample = { peakRssMb: 0, peakHeapMb: 0 };
  const take = (): void => {
    const usage = process.memoryUsage();
    peak.peakRssMb = Math.max(peak.peakRssMb, usage.rss / 2 ** 20);
    peak.peakHeapMb = Math.max(peak.peakHeapMb, usage.heapUsed / 2 ** 20);
  };
  const timer = setInterval(take, 50);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}

async function crawlAll(
  sources: readonly SourceConfig[],
): Promise<{ pages: number; bytes: number; ms: number; memory: Sample }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pressmon-bench-crawl-'));
  const settings = loadSettings({ PRESSMON_DATA_DIR: dataDir, PRESSMON_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  let pages = 0;
  let bytes = 0;
  const memory = sampleMemory();
  const started = performance.now();
  for (const source of sources) {
    await crawlSource({
      source,
      settings,
      logger: silentLogger(),
      lookupKnown: async () => new Map(),
      onPage: async (page) => {
        pages += 1;
        bytes += Buffer.byteLength(page.html);
      },
      maxPages: 100_000,
      limits: { retryBackoffMs: 50 },
    });
  }
  const ms = performance.now() - started;
  const result = { pages, bytes, ms, memory: memory.stop() };
  await rm(dataDir, { recursive: true, force: true });
  return result;
}

function print(label: string, run: Awaited<ReturnType<typeof crawlAll>>): void {
  const seconds = run.ms / 1000;
  console.log(
    `${label}: ${run.pages} pages in ${seconds.toFixed(2)} s = ${(run.pages / seconds).toFixed(1)} pages/s, ` +
      `${(run.bytes / 2 ** 20 / seconds).toFixed(2)} MB/s of html; peak RSS ${run.memory.peakRssMb.toFixed(0)} MB, ` +
      `peak heap ${run.memory.peakHeapMb.toFixed(0)} MB`,
  );
}

// 1. The fixture site, its four outlets read as HTML (no browser), no delay.
const site = await startFixtureSite({ basePort: 0, slowMs: 50 });
const config = await loadConfigOrThrow({
  configDir: path.join(ROOT, 'config'),
  sourcesDir: path.join(ROOT, 'test/fixture-site/sources'),
});
const fixtureSources = config.sources.map((source) =>
  withFixturePorts({ ...source, browser: false, rateLimit: { delayMs: 0, maxConcurrency: 2 } }, site),
);
print('fixture site (4 outlets, discovery + pages)', await crawlAll(fixtureSources));
await site.close();

// 2. A synthetic site: one sitemap, N article pages of about 30 KB.
const paragraph = `<p>${'Migranții și refugiații din Ucraina au primit protecție temporară în România. '.repeat(8)}</p>`;
const body = (n: number): string =>
  `<!doctype html><html lang="ro"><head><meta charset="utf-8"><title>Articol ${n}</title></head><body><article><h1>Articol ${n}</h1>${paragraph.repeat(45)}</article></body></html>`;
const server = http.createServer((request, response) => {
  const url = request.url ?? '/';
  if (url === '/robots.txt')
    return void response.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
  if (url === '/sitemap.xml') {
    const locs = Array.from({ length: syntheticPages }, (_, n) => `<url><loc>/a/${n}.html</loc></url>`).join(
      '',
    );
    return void response
      .writeHead(200, { 'content-type': 'application/xml' })
      .end(`<urlset>${locs}</urlset>`);
  }
  const match = /^\/a\/(\d+)\.html$/.exec(url);
  if (match === null) return void response.writeHead(404).end();
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body(Number(match[1])));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const synthetic: SourceConfig = {
  id: 'bench-synthetic',
  name: 'Synthetic site',
  country: 'ro',
  languages: ['ro'],
  homeUrl: `${origin}/`,
  timeZone: 'Europe/Bucharest',
  verified: true,
  browser: false,
  discovery: { feeds: [], sitemaps: [`${origin}/sitemap.xml`], sections: [], siteSearch: [] },
  rateLimit: { delayMs: 0, maxConcurrency: 2 },
  refreshHours: 0,
  file: 'bench/crawl/run.ts',
};
print(`synthetic site (${syntheticPages} pages of ~30 KB)`, await crawlAll([synthetic]));
server.close();
