import type { estypes } from '@elastic/elasticsearch';
import { afterAll, describe, expect, it } from 'vitest';
import { articleIndexSettings, articleMapping } from '../../indexer/article-mapping.ts';
import { ensureIndices } from '../../indexer/ensure-indices.ts';
import { indexNames } from '../../indexer/index-names.ts';
import { deleteTestIndices, testEsClient, uniqueIndexPrefix } from '../support/elasticsearch.ts';

const client = testEsClient();
const prefix = uniqueIndexPrefix('ensure');
const names = indexNames(prefix);

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
});

describe('ensureIndices', () => {
  it('creates the versioned articles index behind its alias, and the other indices', async () => {
    await ensureIndices(client, prefix);
    const alias = await client.indices.getAlias({ name: names.articles });
    expect(Object.keys(alias)).toEqual([names.articlesVersioned]);
    for (const index of [names.runs, names.digests, names.savedSearches]) {
      expect(await client.indices.exists({ index })).toBe(true);
    }
    const settings = await client.indices.getSettings({ index: names.articlesVersioned });
    expect(settings[names.articlesVersioned]?.settings?.index).toMatchObject({
      number_of_shards: '1',
      number_of_replicas: '0',
    });
    const mapping = await client.indices.getMapping({ index: names.articlesVersioned });
    expect(mapping[names.articlesVersioned]?.mappings.dynamic).toBe('strict');
  });

  it('is idempotent: a second and a concurrent call change nothing and do not fail', async () => {
    await Promise.all([ensureIndices(client, prefix), ensureIndices(client, prefix)]);
    const alias = await client.indices.getAlias({ name: names.articles });
    expect(Object.keys(alias)).toEqual([names.articlesVersioned]);
    const health = await client.cluster.health({ index: names.articlesVersioned });
    expect(health.status).toBe('green');
  });

  it('adds fields introduced since an existing index was created, in place', async () => {
    const older = uniqueIndexPrefix('ensure-older');
    const olderNames = indexNames(older);
    const mappings = articleMapping();
    const dedup = mappings.properties?.dedup as { properties: Record<string, estypes.MappingProperty> };
    const { bands: _bands, title_key: _titleKey, ...dedupBefore } = dedup.properties;
    await client.indices.create({
      index: olderNames.articlesVersioned,
      settings: articleIndexSettings(),
      mappings: { ...mappings, properties: { ...mappings.properties, dedup: { properties: dedupBefore } } },
      aliases: { [olderNames.articles]: { is_write_index: true } },
    });
    try {
      await ensureIndices(client, older);
      const mapping = await client.indices.getMapping({ index: olderNames.articlesVersioned });
      const fields = mapping[olderNames.articlesVersioned]?.mappings.properties?.dedup as {
        properties: Record<string, { type: string }>;
      };
      expect(fields.properties.bands?.type).toBe('keyword');
      expect(fields.properties.title_key?.type).toBe('keyword');
    } finally {
      await deleteTestIndices(client, older);
    }
  });

  it('analyses Romanian text with stemming and diacritic folding', async () => {
    const analyse = async (field: string, text: string): Promise<string[]> => {
      const result = await client.indices.analyze({ index: names.articlesVersioned, field, text });
      return (result.tokens ?? []).map((token) => token.token);
    };
    const stemmed = await analyse('body.ro', 'refugiaților');
    expect(await analyse('body.ro', 'refugiat')).toEqual(stemmed);
    const withDiacritics = await analyse('body.ro.folded', 'refugiați');
    const without = await analyse('body.ro.folded', 'refugiati');
    expect(without.some((token) => withDiacritics.includes(token))).toBe(true);
  });
});
