// Browser-rendered listings in Debian's Chromium: what the page may request while it renders.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../config/settings.ts';
import { silentLogger } from '../../core/logger.ts';
import {
  createChromiumRenderer,
  isSameSiteHost,
  type ListingRenderer,
} from '../../crawlers/browser-renderer.ts';
import { crawlSource } from '../../crawlers/crawl-source.ts';
import {
  articleHtml,
  type LocalSite,
  localSource,
  lookupFromSet,
  type Route,
  startLocalSite,
} from './helpers/local-site.ts';

let renderer: ListingRenderer;
let dataDir: string;
let site: LocalSite | undefined;
let other: LocalSite | undefined;

beforeAll(() => {
  renderer = createChromiumRenderer({
    executablePath: '/usr/bin/chromium',
    userAgent: 'pressmon-test/1.0',
    allowPrivateHosts: ['127.0.0.1'],
    timeoutMs: 20_000,
  });
});

afterAll(async () => {
  await renderer.close();
});

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pressmon-render-'));
});

afterEach(async () => {
  await site?.close();
  await other?.close();
  site = undefined;
  other = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

/** A live section: links inserted by a script from the site's own API, with assets and third parties around. */
function livePage(otherOrigin: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Live</title>
<link rel="stylesheet" href="/site.css"><link rel="stylesheet" href="${otherOrigin}/cdn.css">
<style>@font-face { font-family: x; src: url(/font.woff2); } body { font-family: x; }</style>
<script src="${otherOrigin}/tracker.js"></script><script src="/app.js"></script></head>
<body><img src="/logo.png"><img src="${otherOrigin}/pixel.gif">
<video src="/clip.mp4" autoplay muted></video><iframe src="${otherOrigin}/embed.html"></iframe>
<a href="/stiri/static-1.html">static</a><div id="list"></div>
<script>
fetch('${otherOrigin}/beacon').catch(() => {});
</script></body></html>`;
}

const APP_JS = `fetch('/api/latest.json').then((r) => r.json()).then((items) => {
  for (const href of items) { const a = document.createElement('a'); a.href = href; a.textContent = href; document.getElementById('list').appendChild(a); }
});`;

function sectionSource(origin: string) {
  return localSource(origin, {
    browser: true,
    rateLimit: { delayMs: 20, maxConcurrency: 2 },
    discovery: {
      feeds: [],
      sitemaps: [],
      sections: [{ url: `${origin}/stiri/live/`, linkPattern: '/stiri/[a-z0-9-]+\\.html$', maxPages: 1 }],
      siteSearch: [],
    },
  });
}

async function crawl(origin: string) {
  return crawlSource({
    source: sectionSource(origin),
    settings: loadSettings({ PRESSMON_DATA_DIR: dataDir, PRESSMON_ALLOW_PRIVATE_HOSTS: '127.0.0.1' }),
    logger: silentLogger(),
    lookupKnown: lookupFromSet(new Set()),
    onPage: async () => undefined,
    renderer,
    limits: { retryBackoffMs: 20, fetchTimeoutMs: 5_000 },
  });
}

describe('rendering a listing in Chromium', () => {
  it('sends no request to another host and none for images, fonts, media or styles; the links the script inserts are found', async () => {
    const anything: Route = { body: 'x' };
    other = await startLocalSite({
      '/cdn.css': anything,
      '/tracker.js': { headers: { 'content-type': 'text/javascript' }, body: 'window.tracked = 1;' },
      '/pixel.gif': anything,
      '/embed.html': anything,
      '/beacon': anything,
    });
    const otherOrigin = other.origin;
    site = await startLocalSite({
      '/stiri/live/': { body: livePage(otherOrigin) },
      '/app.js': { headers: { 'content-type': 'text/javascript' }, body: APP_JS },
      '/api/latest.json': {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(['/stiri/inserted-1.html', '/stiri/inserted-2.html']),
      },
      '/site.css': anything,
      '/font.woff2': anything,
      '/logo.png': anything,
      '/clip.mp4': anything,
      '/stiri/static-1.html': { body: articleHtml('Static') },
      '/stiri/inserted-1.html': { body: articleHtml('Unu') },
      '/stiri/inserted-2.html': { body: articleHtml('Doi') },
    });

    const report = await crawl(site.origin);

    expect(other.requests.map((request) => request.path)).toEqual([]);
    expect(report).toMatchObject({ discovered: 3, fetched: 3, failed: 0 });
    for (const asset of ['/site.css', '/font.woff2', '/logo.png', '/clip.mp4'])
      expect(site.hits(asset), asset).toHaveLength(0);
    expect(site.hits('/app.js')).toHaveLength(1);
    expect(site.hits('/api/latest.json')).toHaveLength(1);
  });

  it('reports a rendered section that shows a bot challenge as blocked', async () => {
    site = await startLocalSite({
      '/stiri/live/': {
        body: '<html><head><title>Just a moment...</title></head><body><script>window._cf_chl_opt={};</script></body></html>',
      },
    });
    const report = await crawl(site.origin);
    expect(report).toMatchObject({ discovered: 0, blocked: 1 });
    expect(report.failures[0]).toMatchObject({ reason: 'blocked', isListing: true, status: 200 });
  });
});

describe('isSameSiteHost', () => {
  it("takes the page's host and its subdomains for the site, and nothing else", () => {
    expect(isSameSiteHost('https://www.example.ro/api/x', 'www.example.ro')).toBe(true);
    expect(isSameSiteHost('https://static.example.ro/app.js', 'www.example.ro')).toBe(true);
    expect(isSameSiteHost('https://example.ro/app.js', 'www.example.ro')).toBe(true);
    expect(isSameSiteHost('https://cdn.tracker.example/t.js', 'www.example.ro')).toBe(false);
    expect(isSameSiteHost('https://notexample.ro/t.js', 'www.example.ro')).toBe(false);
    expect(isSameSiteHost('http://127.0.0.1:8081/x', '127.0.0.1:8080')).toBe(false);
    expect(isSameSiteHost('http://127.0.0.1:8080/x', '127.0.0.1:8080')).toBe(true);
  });
});
