import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleIdFor } from '../../core/canonical-url.ts';
import { ALIAS_MAX_AGE_DAYS, UrlAliases } from '../../crawlers/url-aliases.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pressmon-aliases-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const OLD = 'https://news.example/old/story';
const FINAL = 'https://news.example/2024/05/story.html';

describe('UrlAliases', () => {
  it('looks a URL up under its own id until it is known to lead to another article', async () => {
    const aliases = await UrlAliases.open(dataDir, 'src');
    expect(aliases.idFor(OLD)).toBe(articleIdFor(OLD));
    await aliases.remember(OLD, articleIdFor(FINAL));
    expect(aliases.idFor(OLD)).toBe(articleIdFor(FINAL));
    expect(aliases.idFor(`${OLD}?utm_source=rss#top`)).toBe(articleIdFor(FINAL));
  });

  it('keeps aliases between runs in one file per source, writing nothing for a URL that is its own article', async () => {
    const first = await UrlAliases.open(dataDir, 'src');
    await first.remember(FINAL, articleIdFor(FINAL));
    await first.remember(OLD, articleIdFor(FINAL));
    await first.remember(OLD, articleIdFor(FINAL));
    const lines = (await readFile(path.join(dataDir, 'aliases', 'src.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    const next = await UrlAliases.open(dataDir, 'src');
    expect(next.idFor(OLD)).toBe(articleIdFor(FINAL));
    expect((await UrlAliases.open(dataDir, 'other')).idFor(OLD)).toBe(articleIdFor(OLD));
  });

  it('skips a line a killed run left half-written, and the latest alias of a URL wins', async () => {
    const aliases = await UrlAliases.open(dataDir, 'src');
    await aliases.remember(OLD, 'first-id');
    await aliases.remember(OLD, 'second-id');
    await appendFile(path.join(dataDir, 'aliases', 'src.jsonl'), '{"url":"https://news.exa');
    const reopened = await UrlAliases.open(dataDir, 'src');
    expect(reopened.size).toBe(1);
    expect(reopened.idFor(OLD)).toBe('second-id');
    await reopened.remember(FINAL, 'third-id');
    expect((await UrlAliases.open(dataDir, 'src')).idFor(FINAL)).toBe('third-id');
  });

  describe('compact', () => {
    const DAY_MS = 86_400_000;
    const OTHER = 'https://news.example/amp/other';
    const aliasFile = (): string => path.join(dataDir, 'aliases', 'src.jsonl');
    /** A clock the test moves forward. */
    const clock = (start: string): { now: () => Date; advanceDays: (days: number) => void } => {
      let ms = Date.parse(start);
      return { now: () => new Date(ms), advanceDays: (days) => (ms += days * DAY_MS) };
    };

    it('drops the aliases of URLs no crawl has discovered for the maximum age, and keeps those looked up since', async () => {
      const time = clock('2026-01-01T06:00:00Z');
      const first = await UrlAliases.open(dataDir, 'src', time.now);
      await first.remember(OLD, articleIdFor(FINAL));
      await first.remember(OTHER, 'other-id');
      time.advanceDays(ALIAS_MAX_AGE_DAYS - 1);
      const later = await UrlAliases.open(dataDir, 'src', time.now);
      expect(later.idFor(OLD)).toBe(articleIdFor(FINAL)); // OLD is still in a feed; OTHER is not
      expect(await later.compact()).toBe(0);
      time.advanceDays(2);
      const muchLater = await UrlAliases.open(dataDir, 'src', time.now);
      expect(await muchLater.compact()).toBe(1);
      expect(muchLater.idFor(OTHER)).toBe(articleIdFor(OTHER));
      const reopened = await UrlAliases.open(dataDir, 'src', time.now);
      expect(reopened.size).toBe(1);
      expect(reopened.idFor(OLD)).toBe(articleIdFor(FINAL));
    });

    it('rewrites the file with one line per alias, the latest of each URL, and appends after it as before', async () => {
      const time = clock('2026-03-01T06:00:00Z');
      const aliases = await UrlAliases.open(dataDir, 'src', time.now);
      await aliases.remember(OLD, 'first-id');
      await aliases.remember(OLD, 'second-id');
      await appendFile(aliasFile(), '{"url":"https://news.exa'); // a line a killed run cut short
      const reopened = await UrlAliases.open(dataDir, 'src', time.now);
      await reopened.compact();
      const lines = (await readFile(aliasFile(), 'utf8')).split('\n').filter((line) => line !== '');
      expect(lines.map((line) => JSON.parse(line))).toEqual([
        { url: OLD, articleId: 'second-id', seenAt: '2026-03-01T06:00:00.000Z' },
      ]);
      await reopened.remember(OTHER, 'other-id');
      const again = await UrlAliases.open(dataDir, 'src', time.now);
      expect([again.idFor(OLD), again.idFor(OTHER)]).toEqual(['second-id', 'other-id']);
    });

    it('counts aliases from files without discovery dates as discovered when the file is opened', async () => {
      await mkdir(path.dirname(aliasFile()), { recursive: true });
      await writeFile(aliasFile(), `${JSON.stringify({ url: OLD, articleId: 'legacy-id' })}\n`);
      const time = clock('2026-06-01T06:00:00Z');
      const aliases = await UrlAliases.open(dataDir, 'src', time.now);
      expect(await aliases.compact()).toBe(0);
      time.advanceDays(ALIAS_MAX_AGE_DAYS + 1);
      const later = await UrlAliases.open(dataDir, 'src', time.now);
      expect(await later.compact()).toBe(1);
      expect(later.size).toBe(0);
    });

    it('writes no file for a source that never had an alias', async () => {
      const aliases = await UrlAliases.open(dataDir, 'src');
      aliases.idFor(FINAL);
      expect(await aliases.compact()).toBe(0);
      await expect(readFile(aliasFile(), 'utf8')).rejects.toThrow(/ENOENT/);
    });
  });
});
