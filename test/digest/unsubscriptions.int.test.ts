import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIndices } from '../../indexer/ensure-indices.ts';
import { indexNames } from '../../indexer/index-names.ts';
import {
  getUnsubscription,
  listUnsubscriptions,
  recordUnsubscription,
  resubscribeMember,
  unsubscribedAmong,
} from '../../indexer/unsubscriptions.ts';
import { deleteTestIndices, testEsClient, uniqueIndexPrefix } from '../support/elasticsearch.ts';

// The records behind the digest's unsubscribe link (indexer/unsubscriptions.ts),
// against the real Elasticsearch node.

const client = testEsClient();
const prefix = uniqueIndexPrefix('unsubscriptions');

beforeAll(async () => {
  await ensureIndices(client, prefix);
});

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
});

describe('unsubscription records', () => {
  it('ensureIndices creates the small unsubscriptions index with its keyword fields', async () => {
    const index = indexNames(prefix).unsubscriptions;
    const mapping = await client.indices.getMapping({ index });
    expect(mapping[index]?.mappings.properties).toMatchObject({
      member: { type: 'keyword' },
      status: { type: 'keyword' },
      method: { type: 'keyword' },
      unsubscribed_at: { type: 'date' },
    });
  });

  it('records once, by lower-case address; a repeat keeps the first time and method', async () => {
    const first = await recordUnsubscription(client, prefix, {
      member: 'Ola@Example.org',
      method: 'page',
      now: '2026-01-20T08:00:00.000Z',
    });
    expect(first).toMatchObject({ recorded: true, unsubscription: { member: 'ola@example.org' } });
    const again = await recordUnsubscription(client, prefix, {
      member: 'ola@example.org',
      method: 'one-click',
      now: '2026-01-21T08:00:00.000Z',
    });
    expect(again).toMatchObject({
      recorded: false,
      reason: 'already-unsubscribed',
      unsubscription: { method: 'page', unsubscribedAt: '2026-01-20T08:00:00.000Z' },
    });
  });

  it('writes one record when two requests for the same address arrive at once', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        recordUnsubscription(client, prefix, {
          member: 'race@example.org',
          method: 'one-click',
          now: '2026-01-20T09:00:00.000Z',
        }),
      ),
    );
    expect(results.filter((result) => result.recorded)).toHaveLength(1);
    expect((await getUnsubscription(client, prefix, 'race@example.org'))?.history).toHaveLength(1);
  });

  it('tells which members are unsubscribed at once (real-time), and lists them', async () => {
    const found = await unsubscribedAmong(client, prefix, ['OLA@example.org', 'nobody@example.org']);
    expect([...found.keys()]).toEqual(['ola@example.org']);
    const listed = await listUnsubscriptions(client, prefix);
    expect(listed.map((record) => record.member)).toEqual(['ola@example.org', 'race@example.org']);
  });

  it('resubscribes (kept in the history), and a later unsubscription counts again', async () => {
    const back = await resubscribeMember(client, prefix, {
      member: 'ola@example.org',
      now: '2026-02-01T10:00:00.000Z',
    });
    expect(back).toMatchObject({
      ok: true,
      unsubscription: { status: 'resubscribed', resubscribedAt: '2026-02-01T10:00:00.000Z' },
    });
    expect((await unsubscribedAmong(client, prefix, ['ola@example.org'])).size).toBe(0);
    expect((await listUnsubscriptions(client, prefix)).map((record) => record.member)).toEqual([
      'race@example.org',
    ]);
    expect(
      (await listUnsubscriptions(client, prefix, { includeResubscribed: true })).map((r) => r.member),
    ).toEqual(['ola@example.org', 'race@example.org']);
    expect(
      await resubscribeMember(client, prefix, { member: 'ola@example.org', now: '2026-02-02T10:00:00.000Z' }),
    ).toMatchObject({ ok: false, reason: 'not-unsubscribed' });

    const leavesAgain = await recordUnsubscription(client, prefix, {
      member: 'ola@example.org',
      method: 'one-click',
      now: '2026-03-01T10:00:00.000Z',
    });
    expect(leavesAgain.recorded).toBe(true);
    const record = await getUnsubscription(client, prefix, 'ola@example.org');
    expect(record?.history.map((event) => [event.action, event.method])).toEqual([
      ['unsubscribed', 'page'],
      ['resubscribed', null],
      ['unsubscribed', 'one-click'],
    ]);
  });

  it('answers "nobody" and "never" when the index does not exist yet', async () => {
    const empty = uniqueIndexPrefix('unsubscriptions-none');
    expect((await unsubscribedAmong(client, empty, ['ola@example.org'])).size).toBe(0);
    expect(await getUnsubscription(client, empty, 'ola@example.org')).toBeNull();
    expect(await listUnsubscriptions(client, empty)).toEqual([]);
  });
});
