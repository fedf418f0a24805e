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

/** Deletes every index and alias under a test prefix. */
export async function deleteIndicesWithPrefix(client: Client, prefix: string): Promise<void> {
  await client.indices.delete({ index: `${prefix}-*`, ignore_unavailable: true, allow_no_indices: true }).catch(() => {});
}
