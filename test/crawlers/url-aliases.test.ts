import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleIdFor } from '../../core/canonical-url.ts';
import { UrlAliases } from '../../crawlers/url-aliases.ts';

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
});
