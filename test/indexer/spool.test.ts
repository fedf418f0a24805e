import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  claimSpool,
  countSpooled,
  releaseSpool,
  type SpoolEntry,
  SpoolWriter,
  unclaimSpool,
} from '../../indexer/spool.ts';
import { makeArticle } from './make-article.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pressmon-spool-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function entry(slug: string, reason = 'status 400'): SpoolEntry {
  const article = makeArticle({ slug });
  return {
    spooledAt: '2024-05-02T10:00:00.000Z',
    id: article.id,
    url: article.url,
    status: 400,
    reason,
    article,
  };
}

describe('SpoolWriter', () => {
  it('appends JSON lines to one file per run, created on the first entry', async () => {
    const writer = new SpoolWriter(path.join(dir, 'spool'), 'run-1');
    await writer.flush();
    await expect(readdir(dir)).resolves.toEqual([]);
    writer.append([entry('a')]);
    writer.append([entry('b'), entry('c')]);
    await writer.flush();
    const lines = (await readFile(writer.file, 'utf8')).trim().split('\n');
    expect(path.basename(writer.file)).toBe('articles-run-1.jsonl');
    expect(lines.map((line) => (JSON.parse(line) as SpoolEntry).url)).toEqual([
      'https://news.example.ro/a',
      'https://news.example.ro/b',
      'https://news.example.ro/c',
    ]);
    expect(writer.count).toBe(3);
  });

  it('reports a spool it cannot write', async () => {
    await writeFile(path.join(dir, 'not-a-folder'), '');
    const writer = new SpoolWriter(path.join(dir, 'not-a-folder'), 'run-1');
    writer.append([entry('a')]);
    await expect(writer.flush()).rejects.toThrow(/write spool .*articles-run-1\.jsonl/);
  });
});

describe('claimSpool', () => {
  it('claims every spool file, reads its entries and sets torn lines aside', async () => {
    const writer = new SpoolWriter(dir, 'run-1');
    writer.append([entry('a'), entry('b')]);
    await writer.flush();
    await writeFile(writer.file, '{"torn": ', { flag: 'a' });
    expect(await countSpooled(dir)).toBe(3);
    const claimed = await claimSpool(dir);
    expect(claimed.entries.map((item) => item.url)).toEqual([
      'https://news.example.ro/a',
      'https://news.example.ro/b',
    ]);
    expect(claimed.unreadableLines).toEqual(['{"torn": ']);
    expect(await readdir(dir)).toEqual(['articles-run-1.jsonl.replaying']);
    // A new failure while replaying goes to a new file, untouched by this claim.
    await unclaimSpool(claimed);
    expect(await readdir(dir)).toEqual(['articles-run-1.jsonl']);
    await releaseSpool(await claimSpool(dir));
    expect(await readdir(dir)).toEqual([]);
  });

  it('finds nothing in a missing folder', async () => {
    expect((await claimSpool(path.join(dir, 'none'))).entries).toEqual([]);
  });
});
