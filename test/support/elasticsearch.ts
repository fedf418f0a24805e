import { randomBytes } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { inject } from 'vitest';

/** The URL of the real Elasticsearch the integration tests use (test/setup). */
export function testEsUrl(): string {
  return inject('esUrl');
}

export function testEsClient(): Client {
  return new Client({ node: testEsUrl(), requestTimeout: 60_000 });
}

/** A fresh index prefix, so test files never see each other's documents. */
export function uniqueIndexPrefix(label: string): string {
  return `pressmon-test-${label}-${randomBytes(4).toString('hex')}`;
}

/**
 * Deletes every index under a test prefix by name: the node refuses wildcard
 * deletes (action.destructive_requires_name), so list them first.
 */
export async function deleteTestIndices(client: Client, prefix: string): Promise<void> {
  const found = await client.indices.get({
    index: `${prefix}-*`,
    allow_no_indices: true,
    ignore_unavailable: true,
  });
  const names = Object.keys(found);
  if (names.length > 0) await client.indices.delete({ index: names });
}
