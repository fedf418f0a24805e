import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, locksIndex } from '../../indexer/locks.ts';
import { testEsClient, uniqueIndexPrefix } from '../support/elasticsearch.ts';

describe('a job lock held in Elasticsearch', () => {
  const client = testEsClient();
  const prefix = uniqueIndexPrefix('locks');

  afterAll(async () => {
    await client.indices.delete({ index: locksIndex(prefix), ignore_unavailable: true });
    await client.close();
  });

  it('lets one owner in and tells the other who holds it', async () => {
    const first = await acquireLock(client, prefix, 'crawl:daily', 'host-a:1', 60_000);
    expect(first.acquired).toBe(true);
    const second = await acquireLock(client, prefix, 'crawl:daily', 'host-b:2', 60_000);
    expect(second).toMatchObject({ acquired: false, heldBy: 'host-a:1' });
    if (first.acquired) await first.lock.release();
    const third = await acquireLock(client, prefix, 'crawl:daily', 'host-b:2', 60_000);
    expect(third.acquired).toBe(true);
    if (third.acquired) await third.lock.release();
  });

  it('of two processes asking at once, exactly one gets it', async () => {
    const attempts = await Promise.all(
      ['p1', 'p2', 'p3', 'p4'].map((owner) => acquireLock(client, prefix, 'digest:weekly', owner, 60_000)),
    );
    const winners = attempts.filter((attempt) => attempt.acquired);
    expect(winners).toHaveLength(1);
    for (const winner of winners) if (winner.acquired) await winner.lock.release();
  });

  it('does not let a crashed holder block the job past its expiry', async () => {
    let clock = new Date('2026-11-24T06:00:00Z');
    const now = (): Date => clock;
    const crashed = await acquireLock(client, prefix, 'crawl:hotnews', 'dead-process', 30_000, now);
    expect(crashed.acquired).toBe(true);
    expect((await acquireLock(client, prefix, 'crawl:hotnews', 'next', 30_000, now)).acquired).toBe(false);
    clock = new Date('2026-11-24T06:01:00Z');
    const next = await acquireLock(client, prefix, 'crawl:hotnews', 'next', 30_000, now);
    expect(next.acquired).toBe(true);
    // The crashed holder, back from the dead, has lost it and cannot renew or release it.
    if (crashed.acquired) {
      expect(await crashed.lock.renew()).toBe(false);
      await crashed.lock.release();
    }
    expect((await acquireLock(client, prefix, 'crawl:hotnews', 'third', 30_000, now)).acquired).toBe(false);
    if (next.acquired) await next.lock.release();
  });

  it('a live holder renews its lock', async () => {
    let clock = new Date('2026-11-24T07:00:00Z');
    const now = (): Date => clock;
    const held = await acquireLock(client, prefix, 'crawl:oko-press', 'worker', 30_000, now);
    expect(held.acquired).toBe(true);
    if (!held.acquired) return;
    clock = new Date('2026-11-24T07:00:20Z');
    expect(await held.lock.renew()).toBe(true);
    clock = new Date('2026-11-24T07:00:40Z');
    expect((await acquireLock(client, prefix, 'crawl:oko-press', 'other', 30_000, now)).acquired).toBe(false);
    await held.lock.release();
  });
});
