import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../config/settings.ts';
import type { SourceConfig } from '../../config/types.ts';
import { silentLogger } from '../../core/logger.ts';
import { checkBlockPage } from '../../crawlers/block-page.ts';
import { crawlSource } from '../../crawlers/crawl-source.ts';
import { judgeSourceHealth } from '../../crawlers/source-health.ts';
import { useCrawlWorkspace } from './helpers/crawl-workspace.ts';
import { articleHtml, type LocalSite, localSource, lookupFromSet, rssFeed } from './helpers/local-site.ts';

const CHALLENGE =
  '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div id="challenge-running"></div><script>window._cf_chl_opt={cvId:"3"};</script></body></html>';
const ACCESS_DENIED =
  '<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1>You don\'t have permission to access "http&#58;&#47;&#47;news&#46;example&#47;sitemap&#46;xml" on this server.<p>Reference&#32;#18.6f2e1402.1717000000.2f1b3c</p></body></html>';
const CAPTCHA_WALL =
  '<html><head><title>Security check</title><script src="https://www.google.com/recaptcha/api.js"></script></head><body><div class="g-recaptcha" data-sitekey="x"></div></body></html>';

const workspace = useCrawlWorkspace('blocked');
let site: LocalSite | undefined;

async function crawl(source: SourceConfig) {
  return crawlSource({
    source,
    settings: loadSettings({
      PRESSMON_DATA_DIR: workspace.dataDir(),
      PRESSMON_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    }),
    logger: silentLogger(),
    lookupKnown: lookupFromSet(new Set()),
    onPage: async () => undefined,
    limits: { retryBackoffMs: 20, fetchTimeoutMs: 5_000 },
  });
}

describe('listings answered with a block page and status 200', () => {
  it('reports a challenged feed, an "access denied" sitemap and a CAPTCHA section as blocked and flags the source', async () => {
    site = await workspace.serve({
      '/feed.xml': { body: CHALLENGE },
      '/sitemap.xml': { body: ACCESS_DENIED },
      '/stiri/': { body: CAPTCHA_WALL },
      '/ok.xml': { body: rssFeed(['/a/1']) },
      '/a/1': { body: articleHtml('Unu') },
    });
    const origin = site.origin;
    const source = localSource(origin, {
      discovery: {
        feeds: [`${origin}/feed.xml`, `${origin}/ok.xml`],
        sitemaps: [`${origin}/sitemap.xml`],
        sections: [{ url: `${origin}/stiri/`, linkPattern: '/stiri/.+', maxPages: 3 }],
        siteSearch: [],
      },
    });
    const report = await crawl(source);

    expect(report).toMatchObject({ discovered: 1, fetched: 1, blocked: 3, failedByReason: { blocked: 3 } });
    expect(
      report.failures.map(({ url, reason, status, isListing }) => ({ url, reason, status, isListing })),
    ).toEqual([
      { url: `${origin}/feed.xml`, reason: 'blocked', status: 200, isListing: true },
      { url: `${origin}/sitemap.xml`, reason: 'blocked', status: 200, isListing: true },
      { url: `${origin}/stiri/`, reason: 'blocked', status: 200, isListing: true },
    ]);
    expect(report.failures.map((failure) => failure.message)).toEqual([
      `GET ${origin}/feed.xml answered 200 with a block page (cloudflare-challenge)`,
      `GET ${origin}/sitemap.xml answered 200 with a block page (access-denied)`,
      `GET ${origin}/stiri/ answered 200 with a block page (captcha)`,
    ]);
    const health = judgeSourceHealth(report, []);
    expect(health.ok).toBe(false);
    expect(health.flags).toEqual([
      {
        kind: 'blocked',
        message: `3 listings answered with a block page or 403 (${origin}/feed.xml, ${origin}/sitemap.xml, ${origin}/stiri/) (cloudflare-challenge, access-denied, captcha)`,
      },
    ]);
  });

  it('one 403 listing is enough for the flag; a feed whose item is titled "CAPTCHA" is a feed', async () => {
    site = await workspace.serve({
      '/feed.xml': {
        body: '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>New CAPTCHA rules for visa appointments</title><link>/a/1</link></item></channel></rss>',
      },
      '/stiri/': { status: 403, body: 'Forbidden' },
      '/a/1': { body: articleHtml('Unu') },
    });
    const origin = site.origin;
    const report = await crawl(
      localSource(origin, {
        discovery: {
          feeds: [`${origin}/feed.xml`],
          sitemaps: [],
          sections: [{ url: `${origin}/stiri/`, linkPattern: '/stiri/.+', maxPages: 1 }],
          siteSearch: [],
        },
      }),
    );
    expect(report).toMatchObject({ discovered: 1, fetched: 1, blocked: 1 });
    expect(report.failures[0]?.message).toBe(
      `GET ${origin}/stiri/ answered 403 with a block page (forbidden)`,
    );
    expect(judgeSourceHealth(report, []).flags.map((flag) => flag.kind)).toEqual(['blocked']);
  });
});

describe('checkBlockPage by what was expected', () => {
  it('takes an "access denied" page with 200 for a block page on a listing, not on an article', () => {
    expect(checkBlockPage(200, {}, ACCESS_DENIED, 'listing')).toEqual({
      isBlocked: true,
      signal: 'access-denied',
    });
    expect(checkBlockPage(200, {}, ACCESS_DENIED, 'article')).toEqual({ isBlocked: false });
  });

  it('lets a listing that embeds a bot-protection sensor through, unless it is a feed that did not parse', () => {
    const listing = '<html><head><title>Știri</title><script src="/px/perimeterx.js"></script></head></html>';
    expect(checkBlockPage(200, {}, listing, 'listing')).toEqual({ isBlocked: false });
    expect(checkBlockPage(200, {}, listing, 'unreadable-listing')).toEqual({
      isBlocked: true,
      signal: 'bot-protection',
    });
  });
});
