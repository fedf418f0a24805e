import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiArticle, ApiBreakdown, ApiSearchResponse, ApiTrends } from '../../dashboards/api-types.ts';
import { recordRun } from '../../indexer/index.ts';
import { savedSearchesForDigest } from '../../indexer/saved-searches.ts';
import {
  ANALYST,
  API_TOKEN,
  type DashboardsFixture,
  OTHER_USER,
  startFixtureDashboards,
  XSS_TITLE,
} from './support/dashboards-fixture.ts';

let fixture: DashboardsFixture;
let anaCookie: string;
let piotrCookie: string;

const bearer = { authorization: `Bearer ${API_TOKEN}` };

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${fixture.url}${path}`, { ...init, headers: { ...bearer, ...(init.headers ?? {}) } });
}

async function json<T>(path: string): Promise<T> {
  const response = await api(path);
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as T;
}

async function logIn(username: string, password: string): Promise<Response> {
  return fetch(`${fixture.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

function sessionCookie(response: Response): string {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith('pressmon_session='));
  if (header === undefined) throw new Error('no session cookie');
  return header.split(';')[0] ?? '';
}

beforeAll(async () => {
  fixture = await startFixtureDashboards('dash-api');
  anaCookie = sessionCookie(await logIn(ANALYST.name, ANALYST.password));
  piotrCookie = sessionCookie(await logIn(OTHER_USER.name, OTHER_USER.password));
});

afterAll(async () => {
  await fixture?.close();
});

describe('health and metrics need no login', () => {
  it('GET /health answers 200 with Elasticsearch reachable', async () => {
    const response = await fetch(`${fixture.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', elasticsearch: { reachable: true } });
  });

  it('GET /metrics is Prometheus text with articles, spool and the last crawl per source', async () => {
    await recordRun(fixture.client, fixture.prefix, {
      runId: 'crawl-test-1',
      kind: 'crawl',
      status: 'partial',
      startedAt: '2026-01-05T03:00:00.000Z',
      finishedAt: '2026-01-05T03:10:00.000Z',
      sourceIds: ['digi24', 'hotnews'],
      report: {
        sources: [
          {
            crawl: { sourceId: 'digi24', fetched: 12, failed: 1, failedByReason: { timeout: 1 } },
            written: { indexed: 9, spooled: 0 },
          },
          {
            crawl: { sourceId: 'hotnews', fetched: 0, failed: 3, failedByReason: { 'http-5xx': 3 } },
            written: { indexed: 0, spooled: 0 },
          },
        ],
      },
    });
    await fixture.client.indices.refresh({ index: `${fixture.prefix}-runs` });
    const response = await fetch(`${fixture.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await response.text();
    expect(text).toContain('# TYPE pressmon_articles_indexed gauge');
    expect(text).toMatch(/^pressmon_articles_indexed 28$/m);
    expect(text).toMatch(/^pressmon_elasticsearch_up 1$/m);
    expect(text).toMatch(/^pressmon_spool_articles 0$/m);
    expect(text).toMatch(/^pressmon_last_crawl_pages_fetched\{source="digi24"\} 12$/m);
    expect(text).toMatch(/^pressmon_last_crawl_failures\{source="hotnews",reason="http-5xx"\} 3$/m);
    expect(text).toMatch(/^pressmon_last_crawl_articles_indexed\{source="digi24"\} 9$/m);
    expect(text).toMatch(/^pressmon_source_last_success_timestamp_seconds\{source="digi24"\} 1767582600$/m);
    // hotnews failed entirely: no successful run to report.
    expect(text).not.toContain('pressmon_source_last_success_timestamp_seconds{source="hotnews"}');
    expect(text).toMatch(/^pressmon_index_latency_seconds [0-9.e-]+$/m);
  });
});

describe('authentication', () => {
  const protectedRoutes: readonly [string, string][] = [
    ['GET', '/api/me'],
    ['GET', '/api/meta'],
    ['GET', '/api/search?q=refugiați'],
    ['GET', '/api/trends'],
    ['GET', '/api/breakdown'],
    ['GET', '/api/new-terms?language=ro'],
    ['GET', '/api/articles/abc'],
    ['GET', '/api/articles/abc/raw'],
    ['GET', '/api/export?format=csv'],
    ['GET', '/api/saved-searches'],
    ['POST', '/api/saved-searches'],
    ['PATCH', '/api/saved-searches/abc'],
    ['DELETE', '/api/saved-searches/abc'],
  ];

  it.each(protectedRoutes)('%s %s without a login or token is 401', async (method, path) => {
    const response = await fetch(`${fixture.url}${path}`, { method });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(await response.json()).toMatchObject({ error: 'unauthenticated' });
  });

  it('a wrong Bearer token is 401, even with a valid session cookie', async () => {
    const response = await fetch(`${fixture.url}/api/me`, {
      headers: { authorization: 'Bearer wrong-token', cookie: anaCookie },
    });
    expect(response.status).toBe(401);
  });

  it('the API token acts as the api-token user', async () => {
    expect(await json('/api/me')).toEqual({ name: 'api-token', email: null, via: 'token' });
  });

  it('a wrong password or unknown user is 401 with one message', async () => {
    for (const [user, password] of [
      [ANALYST.name, 'wrong password'],
      ['nobody', 'whatever'],
    ] as const) {
      const response = await logIn(user, password);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: 'bad-credentials',
        message: 'wrong user name or password',
      });
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  it('a malformed login body is 400', async () => {
    for (const body of ['{"username":"ana"}', '{"username":"ana","password":"x","admin":true}', 'not json']) {
      const response = await fetch(`${fixture.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
    }
  });

  it('a login sets an HttpOnly, SameSite=Strict session cookie; logout ends the session', async () => {
    const response = await logIn(ANALYST.name, ANALYST.password);
    expect(response.status).toBe(200);
    const header = response.headers.getSetCookie()[0] ?? '';
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Strict/);
    expect(header).not.toMatch(/Secure/); // plain http in the test; set when the request is https
    const cookie = sessionCookie(response);
    const me = await fetch(`${fixture.url}/api/me`, { headers: { cookie } });
    expect(await me.json()).toEqual({ name: 'ana', email: 'ana@example.org', via: 'session' });
    const logout = await fetch(`${fixture.url}/api/logout`, { method: 'POST', headers: { cookie } });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie()[0]).toMatch(/pressmon_session=;/);
    expect((await fetch(`${fixture.url}/api/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('a tampered session cookie is 401', async () => {
    const tampered = `${anaCookie.slice(0, -3)}abc`;
    expect((await fetch(`${fixture.url}/api/me`, { headers: { cookie: tampered } })).status).toBe(401);
  });

  it('a state-changing request with a session from another origin is 403', async () => {
    const response = await fetch(`${fixture.url}/api/saved-searches`, {
      method: 'POST',
      headers: { cookie: anaCookie, origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', search: 'q=a' }),
    });
    expect(response.status).toBe(403);
  });

  it('a text/plain body (what a cross-site form can send) is refused with 415', async () => {
    const response = await fetch(`${fixture.url}/api/saved-searches`, {
      method: 'POST',
      headers: { cookie: anaCookie, 'content-type': 'text/plain' },
      body: '{"name":"x","search":"q=a"}',
    });
    expect(response.status).toBe(415);
  });
});

describe('login attempts are rate-limited', () => {
  let limited: DashboardsFixture;
  beforeAll(async () => {
    limited = await startFixtureDashboards('dash-limit', { loginLimit: { max: 3, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('the fourth attempt within the window is 429, even with the right password', async () => {
    const attempt = (password: string): Promise<Response> =>
      fetch(`${limited.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: ANALYST.name, password }),
      });
    for (let n = 0; n < 3; n++) expect((await attempt('wrong')).status).toBe(401);
    const blocked = await attempt(ANALYST.password);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).not.toBeNull();
  });
});

describe('GET /api/search', () => {
  it('finds inflected forms, highlights them as plain-text segments, and counts facets', async () => {
    const result = await json<ApiSearchResponse>(`/api/search?q=${encodeURIComponent('refugiat')}`);
    const ids = result.hits.map((hit) => hit.id);
    expect(ids).toContain(fixture.articles.story.id);
    const story = result.hits.find((hit) => hit.id === fixture.articles.story.id);
    expect(story?.title.some((part) => part.mark && /refugiați/i.test(part.text))).toBe(true);
    expect(result.facets.organisations).toContainEqual({ key: 'cnrr', count: 2 });
    expect(result.facets.sources.length).toBeGreaterThan(1);
  });

  it.each([
    ['org=cnrr', ['story', 'copy']],
    ['place=przemysl', ['polish']],
    ['frame=humanitarian_victim', ['story']],
    ['lang=pl', ['polish']],
    ['topic=asylum&source=digi24', ['story']],
    ['country=pl', ['polish']],
  ] as const)('filters by %s', async (query, expected) => {
    const result = await json<ApiSearchResponse>(`/api/search?${query}`);
    const want = expected.map((name) => fixture.articles[name].id).sort();
    expect(result.hits.map((hit) => hit.id).sort()).toEqual(want);
    expect(result.total).toBe(want.length);
  });

  it('filters by date range and sorts by date', async () => {
    const to = new Date(Date.now() - 1.5 * 24 * 3600 * 1000).toISOString();
    const result = await json<ApiSearchResponse>(`/api/search?from=2000-01-01&to=${to}&sort=date&size=100`);
    expect(result.hits.map((hit) => hit.id)).not.toContain(fixture.articles.copy.id);
    const dates = result.hits.map((hit) => hit.publishedAt ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('pages through every match with the cursor, without repeats', async () => {
    const first = await json<ApiSearchResponse>('/api/search?size=20');
    expect(first.total).toBe(28);
    expect(first.hits).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const second = await json<ApiSearchResponse>(`/api/search?size=20&after=${first.nextCursor}`);
    expect(second.hits).toHaveLength(8);
    expect(second.nextCursor).toBeNull();
    const all = new Set([...first.hits, ...second.hits].map((hit) => hit.id));
    expect(all.size).toBe(28);
  });

  it('returns hostile markup in titles as text, never as markup', async () => {
    const result = await json<ApiSearchResponse>(`/api/search?q=${encodeURIComponent('migranți graniță')}`);
    const hostile = result.hits.find((hit) => hit.id === fixture.articles.hostile.id);
    expect(hostile?.title.map((part) => part.text).join('')).toBe(XSS_TITLE);
    expect(hostile?.title.some((part) => part.mark)).toBe(true);
  });

  it.each([
    ['size=0', 'size'],
    ['size=abc', 'size'],
    ['sort=popular', 'sort'],
    ['from=2024-02-30', 'from'],
    ['from=2025-01-02&to=2025-01-01', 'after'],
    ['lang=%3Cscript%3E', 'languages'],
    ['topic=a%20b', 'topics'],
    ['after=not-a-cursor', 'searchAfter'],
    ['q=a&q=b', 'only once'],
    [`q=${'x'.repeat(2001)}`, 'too long'],
    [`org=${'a'.repeat(10)}&org=%22`, 'organisations'],
  ])('refuses %s with 400 and a message', async (query, words) => {
    const response = await api(`/api/search?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('bad-query');
    expect(body.message).toContain(words);
  });

  it('broken query syntax is read as words, not an error', async () => {
    const response = await api(`/api/search?q=${encodeURIComponent('"refugiați (CNRR')}`);
    expect(response.status).toBe(200);
  });
});

describe('GET /api/articles/<id>', () => {
  it('gives text with the tagging words marked, metadata, and the story’s other copies', async () => {
    const article = await json<ApiArticle>(`/api/articles/${fixture.articles.story.id}`);
    expect(article.title.map((part) => part.text).join('')).toBe(fixture.articles.story.title);
    expect(article.body).toHaveLength(2);
    expect(article.body[0]?.filter((part) => part.mark).map((part) => part.text)).toEqual([
      'Refugiați',
      'refugiați',
    ]);
    expect(article.topics[0]).toMatchObject({ id: 'asylum' });
    expect(article.frames[0]).toMatchObject({ id: 'humanitarian_victim' });
    expect(article.terminology[0]).toMatchObject({ id: 'refugee' });
    expect(article.copies.map((copy) => copy.id)).toEqual([fixture.articles.copy.id]);
    expect(article.hasRawPage).toBe(true);
  });

  it('marks a hostile "term" as text', async () => {
    const article = await json<ApiArticle>(`/api/articles/${fixture.articles.hostile.id}`);
    expect(article.title.filter((part) => part.mark).map((part) => part.text)).toEqual(['<script>']);
    expect(
      article.body
        .flat()
        .map((part) => part.text)
        .join(''),
    ).toContain('<img src="http://evil.example/pixel.png"');
  });

  it('serves the archived raw page as sandboxed plain text', async () => {
    const response = await api(`/api/articles/${fixture.articles.story.id}/raw`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<script>alert("raw")</script>');
    const download = await api(`/api/articles/${fixture.articles.story.id}/raw?download=1`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.html\.txt"$/);
  });

  it('404 for an unknown article or a page not archived; 400 for a malformed id', async () => {
    expect((await api('/api/articles/0000000000000000')).status).toBe(404);
    expect((await api(`/api/articles/${fixture.articles.copy.id}/raw`)).status).toBe(404);
    expect((await api('/api/articles/bad!id')).status).toBe(400);
  });
});

describe('trends', () => {
  it('GET /api/trends counts articles per week and topic, and per frame', async () => {
    const topics = await json<ApiTrends>('/api/trends?by=topic&interval=week&from=2000-01-01');
    const asylum = topics.buckets.reduce((sum, bucket) => sum + (bucket.counts.asylum ?? 0), 0);
    expect(asylum).toBe(2);
    const frames = await json<ApiTrends>('/api/trends?by=frame&interval=day&from=2000-01-01');
    const security = frames.buckets.reduce((sum, bucket) => sum + (bucket.counts.security_threat ?? 0), 0);
    expect(security).toBe(1);
  });

  it('GET /api/breakdown gives outlets, organisations and places over the filters', async () => {
    const breakdown = await json<ApiBreakdown>('/api/breakdown?country=ro');
    expect(breakdown.total).toBe(27);
    expect(breakdown.sources).toContainEqual({ key: 'hotnews', count: 12 });
    expect(breakdown.organisations[0]).toEqual({ key: 'cnrr', count: 2 });
    expect(breakdown.places).toEqual([{ key: 'bucuresti', count: 2 }]);
  });

  it('GET /api/new-terms answers words for one language', async () => {
    const response = await json<{ language: string; terms: unknown[] }>('/api/new-terms?language=ro');
    expect(response.language).toBe('ro');
    expect(Array.isArray(response.terms)).toBe(true);
  });

  it.each([
    '/api/trends?interval=year',
    '/api/trends?by=outlet',
    '/api/trends?from=yesterday',
    '/api/breakdown?q=a&q=b',
    '/api/new-terms?language=xx',
    '/api/new-terms',
  ])('%s is 400', async (path) => {
    expect((await api(path)).status).toBe(400);
  });
});

describe('GET /api/export', () => {
  it('streams every match as CSV, not just one page', async () => {
    const response = await api('/api/export?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="pressmon-export-.+\.csv"/,
    );
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^id,url,title,/);
    expect(lines).toHaveLength(29);
  });

  it('applies the search and filters, and writes JSON as one array', async () => {
    const response = await api('/api/export?format=json&lang=pl');
    const rows = (await response.json()) as { id: string; body: string }[];
    expect(rows.map((row) => row.id)).toEqual([fixture.articles.polish.id]);
    expect(rows[0]?.body).toContain('Przemyślu');
    const all = (await (await api('/api/export?format=json')).json()) as unknown[];
    expect(all).toHaveLength(28);
  });

  it('is 400 for an unknown format or a bad filter', async () => {
    expect((await api('/api/export?format=xml')).status).toBe(400);
    expect((await api('/api/export?format=csv&from=nope')).status).toBe(400);
  });
});

describe('saved searches', () => {
  const asAna = (init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { cookie: anaCookie, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });

  it('saves, lists, renames, includes in the digest and deletes, per owner', async () => {
    const created = await fetch(
      `${fixture.url}/api/saved-searches`,
      asAna({
        method: 'POST',
        body: JSON.stringify({
          name: 'Centre',
          search: 'q=refugiați&org=cnrr&page=2',
          includeInDigest: true,
        }),
      }),
    );
    expect(created.status).toBe(201);
    const saved = (await created.json()) as { id: string; params: string; ownerEmail: string };
    expect(saved.params).toBe('q=refugia%C8%9Bi&sort=relevance&org=cnrr');
    expect(saved.ownerEmail).toBe('ana@example.org');

    const forDigest = await savedSearchesForDigest(fixture.client, fixture.prefix, 'ana@example.org');
    expect(forDigest.map((item) => item.id)).toEqual([saved.id]);
    expect(forDigest[0]?.request).toMatchObject({ query: 'refugiați', organisations: ['cnrr'] });

    const listed = (await (await fetch(`${fixture.url}/api/saved-searches`, asAna())).json()) as {
      id: string;
    }[];
    expect(listed.map((item) => item.id)).toEqual([saved.id]);

    const renamed = await fetch(
      `${fixture.url}/api/saved-searches/${saved.id}`,
      asAna({ method: 'PATCH', body: JSON.stringify({ name: 'Centre CNRR', includeInDigest: false }) }),
    );
    expect(await renamed.json()).toMatchObject({ name: 'Centre CNRR', includeInDigest: false });
    expect(await savedSearchesForDigest(fixture.client, fixture.prefix)).toEqual([]);

    // Another user sees nothing and cannot change or delete it.
    const asPiotr = { headers: { cookie: piotrCookie } };
    expect(await (await fetch(`${fixture.url}/api/saved-searches`, asPiotr)).json()).toEqual([]);
    const stolen = await fetch(`${fixture.url}/api/saved-searches/${saved.id}`, {
      ...asPiotr,
      method: 'DELETE',
    });
    expect(stolen.status).toBe(404);

    const deleted = await fetch(`${fixture.url}/api/saved-searches/${saved.id}`, {
      method: 'DELETE',
      headers: { cookie: anaCookie },
    });
    expect(deleted.status).toBe(204);
    expect(await (await fetch(`${fixture.url}/api/saved-searches`, asAna())).json()).toEqual([]);
  });

  it('refuses a digest for a user without an e-mail address', async () => {
    const response = await fetch(`${fixture.url}/api/saved-searches`, {
      method: 'POST',
      headers: { cookie: piotrCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', search: 'q=a', includeInDigest: true }),
    });
    expect(response.status).toBe(400);
  });

  it.each([
    [{ name: '', search: 'q=a' }],
    [{ name: 'x' }],
    [{ name: 'x', search: 'from=nope' }],
    [{ name: 'x', search: 'q=a', owner: 'someone-else' }],
    [{ name: 'x', search: 'q=a', includeInDigest: 'yes' }],
  ])('refuses %j with 400', async (body) => {
    const response = await fetch(
      `${fixture.url}/api/saved-searches`,
      asAna({ method: 'POST', body: JSON.stringify(body) }),
    );
    expect(response.status).toBe(400);
  });

  it('PATCH or DELETE of an unknown or malformed id is 404 or 400', async () => {
    const patch = await fetch(
      `${fixture.url}/api/saved-searches/unknown`,
      asAna({ method: 'PATCH', body: '{"name":"y"}' }),
    );
    expect(patch.status).toBe(404);
    const empty = await fetch(
      `${fixture.url}/api/saved-searches/unknown`,
      asAna({ method: 'PATCH', body: '{}' }),
    );
    expect(empty.status).toBe(400);
    const malformed = await fetch(`${fixture.url}/api/saved-searches/${'x'.repeat(80)}`, {
      method: 'DELETE',
      headers: { cookie: anaCookie },
    });
    expect(malformed.status).toBe(400);
  });
});

describe('pages and headers', () => {
  it.each(['/', '/search?q=a', '/trends', '/saved', '/login', '/articles/abc'])(
    '%s answers the page shell with a strict CSP and no inline script',
    async (path) => {
      const response = await fetch(`${fixture.url}${path}`);
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const html = await response.text();
      expect(html).toMatch(/<script type="module" src="\/assets\/app-[A-Z0-9]+\.js"><\/script>/);
      expect(html).not.toMatch(/<script>(?!<)/);
      expect(html).not.toMatch(/ on[a-z]+=/);
    },
  );

  it('serves the bundled assets as immutable, with an ETag', async () => {
    const html = await (await fetch(`${fixture.url}/`)).text();
    const script = /src="(\/assets\/[^"]+)"/.exec(html)?.[1] ?? '';
    const response = await fetch(`${fixture.url}${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    const again = await fetch(`${fixture.url}${script}`, {
      headers: { 'if-none-match': response.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('an unknown address is a JSON 404', async () => {
    const response = await api('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not-found' });
  });
});
