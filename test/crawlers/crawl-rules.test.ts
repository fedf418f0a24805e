// Pure rules of the crawler: robots.txt extras, block pages, fetch decisions, source health, listings, site search.
import { describe, expect, it } from 'vitest';
import { checkBlockPage } from '../../crawlers/block-page.ts';
import type { SourceCrawlReport } from '../../crawlers/crawl-report.ts';
import { readListingPage } from '../../crawlers/discover-section.ts';
import { searchUrlFor, siteSearchQueries, termToQuery } from '../../crawlers/discover-site-search.ts';
import { decideFetch } from '../../crawlers/known-articles.ts';
import { retryAfterMs } from '../../crawlers/retry-after.ts';
import { parseRobotsTxt, patternMatches } from '../../crawlers/robots-txt.ts';
import { judgeSourceHealth } from '../../crawlers/source-health.ts';

describe('robots.txt Crawl-delay and sitemaps', () => {
  const robots = parseRobotsTxt(
    'User-agent: *\nCrawl-delay: 2\nDisallow: /x\n\nUser-agent: pressmon\nCrawl-delay: 0.5\nAllow: /\n\nSitemap: https://a.example/s.xml\n',
  );
  it('reads the delay of our own group, else of *', () => {
    expect(robots.crawlDelayMs('pressmon')).toBe(500);
    expect(robots.crawlDelayMs('otherbot')).toBe(2000);
    expect(parseRobotsTxt('User-agent: *\nDisallow: /a\n').crawlDelayMs('pressmon')).toBeUndefined();
  });
  it('lists the sitemaps it names', () => {
    expect(robots.sitemaps).toEqual(['https://a.example/s.xml']);
  });
  it('matches many wildcards without backtracking blow-up', () => {
    const path = `/${'a'.repeat(5000)}b`;
    expect(patternMatches(path, `/${'*a'.repeat(200)}*c`)).toBe(false);
    expect(patternMatches('/a/b.php', '/*.php$')).toBe(true);
    expect(patternMatches('/a/b.php?x', '/*.php$')).toBe(false);
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});

describe('block pages', () => {
  it('recognises a Cloudflare challenge, a CAPTCHA wall and a bare 403', () => {
    const challenge =
      '<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>';
    expect(checkBlockPage(403, {}, challenge)).toEqual({ isBlocked: true, signal: 'cloudflare-challenge' });
    expect(checkBlockPage(200, { 'cf-mitigated': 'challenge' }, '')).toMatchObject({ isBlocked: true });
    const captcha =
      '<html><head><title>Verify</title><script src="https://www.google.com/recaptcha/api.js"></script></head></html>';
    expect(checkBlockPage(200, {}, captcha)).toEqual({ isBlocked: true, signal: 'captcha' });
    expect(checkBlockPage(403, {}, '<p>nope</p>')).toEqual({ isBlocked: true, signal: 'forbidden' });
  });
  it('does not take an article that mentions "access denied" or has a comment CAPTCHA for a block page', () => {
    const article = `<html><head><title>Access denied to asylum seekers at the border</title></head><body>${'<p>Long text.</p>'.repeat(2000)}<script src="https://www.google.com/recaptcha/api.js"></script></body></html>`;
    expect(checkBlockPage(200, {}, article)).toEqual({ isBlocked: false });
    expect(checkBlockPage(404, {}, '<title>Not found</title>')).toEqual({ isBlocked: false });
  });
});

describe('decideFetch', () => {
  const now = Date.parse('2025-06-10T12:00:00Z');
  it('fetches new articles and skips known ones when the source does not refresh', () => {
    expect(decideFetch(undefined, 0, now)).toBe('fetch');
    expect(
      decideFetch({ publishedAt: '2025-06-10T11:00:00Z', firstSeenAt: '2025-06-10T11:05:00Z' }, 0, now),
    ).toBe('skip-known');
  });
  it('refreshes known articles younger than refreshHours, by publication date else first sight', () => {
    expect(
      decideFetch({ publishedAt: '2025-06-10T02:00:00Z', firstSeenAt: '2025-06-01T00:00:00Z' }, 24, now),
    ).toBe('refresh');
    expect(
      decideFetch({ publishedAt: '2025-06-08T02:00:00Z', firstSeenAt: '2025-06-10T11:00:00Z' }, 24, now),
    ).toBe('skip-known');
    expect(decideFetch({ publishedAt: null, firstSeenAt: '2025-06-10T06:00:00Z' }, 12, now)).toBe('refresh');
  });
});

function report(overrides: Partial<SourceCrawlReport>): SourceCrawlReport {
  return {
    sourceId: 's',
    startedAt: '',
    finishedAt: '',
    durationMs: 0,
    discoveryMs: 0,
    fetchMs: 0,
    discovered: 40,
    fetched: 10,
    listingsFetched: 3,
    listingsNotModified: 0,
    skippedKnown: 30,
    refreshed: 0,
    blocked: 0,
    skippedOffSite: 0,
    failed: 0,
    failedByReason: {},
    failures: [],
    aborted: false,
    ...overrides,
  };
}

describe('judgeSourceHealth', () => {
  const usual = [40, 38, 42, 41].map((discovered) => ({ discovered, aborted: false }));
  it('is fine at the usual volume, and without enough history', () => {
    expect(judgeSourceHealth(report({}), usual)).toMatchObject({ ok: true, usualVolume: 41, volume: 40 });
    expect(judgeSourceHealth(report({ discovered: 0 }), usual.slice(0, 1))).toMatchObject({
      ok: true,
      usualVolume: null,
    });
  });
  it('flags a source that found nothing, or far fewer links than usual', () => {
    expect(judgeSourceHealth(report({ discovered: 0, fetched: 0 }), usual).flags).toEqual([
      { kind: 'volume-zero', message: 'found no links (usually 41 over 4 runs)' },
    ]);
    expect(judgeSourceHealth(report({ discovered: 5 }), usual).flags[0]?.kind).toBe('volume-drop');
    expect(judgeSourceHealth(report({ discovered: 25 }), usual).ok).toBe(true);
  });
  it('ignores aborted runs on both sides', () => {
    const aborted = [0, 0, 0].map((discovered) => ({ discovered, aborted: true }));
    expect(judgeSourceHealth(report({ discovered: 0, aborted: true }), [...usual, ...aborted]).ok).toBe(true);
  });
  it('flags a source that answers mostly with block pages or 403', () => {
    const failures = [1, 2, 3].map((n) => ({
      url: `https://a.example/${n}`,
      reason: 'blocked' as const,
      status: 403,
      message: `GET https://a.example/${n} answered 403 with a block page (cloudflare-challenge)`,
    }));
    const health = judgeSourceHealth(report({ fetched: 1, failures, failed: 3 }), usual);
    expect(health.flags).toEqual([
      { kind: 'blocked', message: '3 of 4 answers were block pages or 403 (cloudflare-challenge)' },
    ]);
  });
});

describe('listing pages', () => {
  const html = `<html><body>
    <a href="/stiri/a-1.html">A</a> <a href="/stiri/a-1.html#comments">A again</a>
    <a href="https://other.example/stiri/b-2.html">other host, matched by pattern only if it says so</a>
    <a href="/despre">About</a> <a class="next" href="?page=2">Next</a></body></html>`;
  it('keeps the links that match the pattern, once, and finds the next page', () => {
    const page = readListingPage(
      html,
      'http://a.example/stiri/',
      /^http:\/\/a\.example\/stiri\/[a-z]-\d+\.html$/,
      'a.next',
    );
    expect(page).toEqual({
      links: ['http://a.example/stiri/a-1.html'],
      nextPageUrl: 'http://a.example/stiri/?page=2',
    });
  });
  it('uses rel=next when the section names no selector', () => {
    const page = readListingPage('<a rel="next" href="/p/2">»</a>', 'http://a.example/p/1', /x/);
    expect(page.nextPageUrl).toBe('http://a.example/p/2');
  });
});

describe('site search queries', () => {
  it('turns term patterns into plain words', () => {
    expect(termToQuery('refugia*')).toBe('refugia');
    expect(termToQuery('cazare ~5 solicitan*')).toBe('cazare solicitan');
  });
  it("takes each topic's terms round-robin, in the template's languages, up to maxQueries", () => {
    const topics = [
      { ro: ['azil*', 'refugia*', 'azilanți'], en: ['asylum'] },
      { ro: ['muncitori străini', 'permis de muncă'] },
      { pl: ['uchodźc*'] },
    ];
    const search = {
      urlTemplate: 'https://a.example/?s={query}',
      linkPattern: 'x',
      languages: ['ro'] as const,
      maxQueries: 4,
    };
    expect(siteSearchQueries(search, topics)).toEqual([
      'azil',
      'muncitori străini',
      'refugia',
      'permis de muncă',
    ]);
    expect(searchUrlFor(search.urlTemplate, 'muncitori străini')).toBe(
      'https://a.example/?s=muncitori%20str%C4%83ini',
    );
  });
});
