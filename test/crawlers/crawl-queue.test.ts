// Pruning of the persistent request queue, on crawlee's real local storage.
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../config/settings.ts';
import { articleIdFor } from '../../core/canonical-url.ts';
import { silentLogger } from '../../core/logger.ts';
import { pruneHandledRequests } from '../../crawlers/crawl-queue.ts';
import { crawlSource } from '../../crawlers/crawl-source.ts';
import { crawleeConfigFor, openSourceQueue, sourceQueueDir } from '../../crawlers/crawl-storage.ts';
import { useCrawlWorkspace } from './helpers/crawl-workspace.ts';
import { articleHtml, type LocalSite, localSource, lookupFromSet, rssFeed } from './helpers/local-site.ts';

const DAY_MS = 86_400_000;

const workspace = useCrawlWorkspace('queue');
let site: LocalSite | undefined;

const openQueue = () => openSourceQueue('src', crawleeConfigFor(workspace.dataDir(), 'src'));

/** Request files crawlee keeps on disk for the queue. */
async function storedRequests(sourceId: string): Promise<string[]> {
  const files = await readdir(sourceQueueDir(workspace.dataDir(), sourceId)).catch(() => [] as string[]);
  return files.filter((file) => file.endsWith('.json') && !file.startsWith('__'));
}

describe('pruneHandledRequests', () => {
  it('deletes handled requests older than 14 days and keeps recent handled and every pending one', async () => {
    const now = new Date('2026-03-20T06:00:00Z');
    const queue = await openQueue();
    const handled = (key: string, daysAgo: number) => ({
      url: `https://news.example/${key}`,
      uniqueKey: key,
      handledAt: new Date(now.getTime() - daysAgo * DAY_MS).toISOString(),
    });
    await queue.addRequests([
      handled('old-1', 20),
      handled('old-2', 15),
      handled('recent', 2),
      { url: 'https://news.example/pending-old', uniqueKey: 'pending-old' },
      { url: 'https://news.example/pending-new', uniqueKey: 'pending-new' },
    ]);
    expect(await queue.getInfo()).toMatchObject({ handledRequestCount: 3, pendingRequestCount: 2 });

    const pruned = await pruneHandledRequests(queue, sourceQueueDir(workspace.dataDir(), 'src'), { now });

    expect(pruned).toBe(2);
    expect(await storedRequests('src')).toHaveLength(3);
    // A fresh process reads what is left from disk: the pending ones are still there to be fetched.
    const reopened = await openSourceQueue('src', crawleeConfigFor(workspace.dataDir(), 'src'));
    const head = await reopened.client.listHead({ limit: 10 });
    expect(head.items.map((item) => item.uniqueKey).sort()).toEqual(['pending-new', 'pending-old']);
    expect(await pruneHandledRequests(reopened, sourceQueueDir(workspace.dataDir(), 'src'), { now })).toBe(0);
  });

  it('does nothing to a queue that was never written', async () => {
    const queue = await openQueue();
    expect(
      await pruneHandledRequests(queue, sourceQueueDir(workspace.dataDir(), 'src'), { now: new Date() }),
    ).toBe(0);
  });
});

describe('crawlSource keeps its queue small', () => {
  it('a crawl three weeks later removes the handled entries of the old day, and still skips the known articles', async () => {
    site = await workspace.serve({
      '/feed.xml': { body: rssFeed(['/a/1', '/a/2']) },
      '/a/1': { body: articleHtml('Unu') },
      '/a/2': { body: articleHtml('Doi') },
    });
    const source = localSource(site.origin);
    const settings = loadSettings({
      PRESSMON_DATA_DIR: workspace.dataDir(),
      PRESSMON_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    });
    const known = new Set<string>();
    const crawlOn = (day: Date) =>
      crawlSource({
        source,
        settings,
        logger: silentLogger(),
        lookupKnown: lookupFromSet(known),
        onPage: async (page) => {
          known.add(articleIdFor(page.url));
        },
        limits: { retryBackoffMs: 20, fetchTimeoutMs: 5_000 },
        now: () => day,
      });
    const today = Date.now();
    expect(await crawlOn(new Date(today))).toMatchObject({ fetched: 2 });
    expect(await storedRequests(source.id)).toHaveLength(2);

    const later = await crawlOn(new Date(today + 21 * DAY_MS));
    expect(later).toMatchObject({ fetched: 0, skippedKnown: 2 });
    expect(site.hits('/a/1')).toHaveLength(1);
    // The old handled entries are gone; none for the new day, as nothing had to be queued.
    expect(await storedRequests(source.id)).toHaveLength(0);
  });
});
