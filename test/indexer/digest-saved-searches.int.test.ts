import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDigestSavedSearches } from '../../indexer/digest-saved-searches.ts';
import { ensureIndices } from '../../indexer/ensure-indices.ts';
import { createSavedSearch } from '../../indexer/saved-searches.ts';
import { deleteTestIndices, testEsClient, uniqueIndexPrefix } from '../support/elasticsearch.ts';

const client = testEsClient();
const prefix = uniqueIndexPrefix('saved-digest');

beforeAll(async () => {
  await ensureIndices(client, prefix);
});
afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
});

describe('saved searches saved in the dashboards, read by the weekly digest', () => {
  it('go to the owner’s address with every filter the analyst chose; searches not marked for the digest stay out', async () => {
    await createSavedSearch(client, prefix, {
      name: 'ICAR in the press',
      owner: 'ana',
      ownerEmail: 'Ana@Example.org',
      includeInDigest: true,
      request: {
        query: '"Fundația ICAR"',
        sort: 'date',
        organisations: ['icar'],
        places: ['bucuresti'],
        frames: ['humanitarian'],
      },
    });
    await createSavedSearch(client, prefix, {
      name: 'Only for me',
      owner: 'ana',
      ownerEmail: 'ana@example.org',
      includeInDigest: false,
      request: { query: 'Frontex', sort: 'relevance' },
    });
    await createSavedSearch(client, prefix, {
      name: 'No address',
      owner: 'jan',
      ownerEmail: null,
      includeInDigest: true,
      request: { query: 'granica', sort: 'relevance' },
    });
    const { searches, skipped } = await listDigestSavedSearches(client, prefix);
    expect(searches).toHaveLength(1);
    expect(searches[0]).toMatchObject({
      name: 'ICAR in the press',
      recipients: ['ana@example.org'],
      query: {
        query: '"Fundația ICAR"',
        organisations: ['icar'],
        places: ['bucuresti'],
        frames: ['humanitarian'],
      },
    });
    expect(skipped.map((entry) => entry.reason)).toEqual([
      'no owner e-mail address and no digest_recipients',
    ]);
  });
});
