import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigOrThrow, type PressmonConfig } from '../../../config/index.ts';
import { decodeBody } from '../../../crawlers/index.ts';
import type { FetchedPage } from '../../../crawlers/types.ts';
import { type CompiledPipeline, compilePipeline, processPage } from '../../../pipeline/index.ts';
import { type FixtureSite, startFixtureSite } from '../../fixture-site/index.ts';
import { FIXTURE_MANIFEST, type ManifestEntry, manifestUrl } from '../../fixture-site/manifest.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** What the tagger decided for one fixture page, next to what its manifest says. */
interface Outcome {
  readonly path: string;
  readonly expectedRelated: boolean;
  readonly related: boolean;
  readonly expectedTopics: readonly string[];
  readonly topics: readonly string[];
}

/**
 * The real taxonomy (config/topics) over every article of the fixture news
 * site, end to end through extraction and language detection: the site runs
 * on loopback ports only.
 */
describe('topic tagging of the fixture news site', () => {
  let site: FixtureSite;
  let config: PressmonConfig;
  let compiled: CompiledPipeline;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    site = await startFixtureSite({ basePort: 47970, slowMs: 10 });
    config = await loadConfigOrThrow({
      configDir: join(ROOT, 'config'),
      sourcesDir: join(ROOT, 'test/fixture-site/sources'),
    });
    compiled = compilePipeline(config);
    for (const entry of FIXTURE_MANIFEST) outcomes.push(await tagEntry(entry));
  });

  afterAll(async () => {
    await site.close();
  });

  async function tagEntry(entry: ManifestEntry): Promise<Outcome> {
    const url = manifestUrl(entry, site.outlets);
    const response = await fetch(url);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const source = config.sources.find((candidate) => candidate.id === entry.outletId);
    if (source === undefined) throw new Error(`no source config for outlet ${entry.outletId}`);
    const page: FetchedPage = {
      sourceId: source.id,
      url,
      finalUrl: response.url,
      status: response.status,
      headers: Object.fromEntries(response.headers),
      html: decodeBody(bytes, response.headers.get('content-type') ?? undefined).text,
      fetchedAt: '2026-01-01T00:00:00.000Z',
    };
    const result = processPage(page, { source, compiled });
    if (!result.ok) throw new Error(`${entry.path}: not processed (${result.reason})`);
    return {
      path: `${entry.outletId}${entry.path}`,
      expectedRelated: entry.isMigrationRelated,
      related: result.article.isMigrationRelated,
      expectedTopics: entry.expectedTopics,
      topics: result.article.topics.map((topic) => topic.id),
    };
  }

  it('tags every manifest page', () => {
    expect(outcomes).toHaveLength(FIXTURE_MANIFEST.length);
  });

  it('calls every migration-related article migration-related, with one of its expected topics', () => {
    const misses = outcomes
      .filter((outcome) => outcome.expectedRelated)
      .filter(
        (outcome) => !outcome.related || !outcome.expectedTopics.some((id) => outcome.topics.includes(id)),
      )
      .map((outcome) => `${outcome.path}: related=${outcome.related} topics=[${outcome.topics}]`);
    expect(misses).toEqual([]);
  });

  it('calls no unrelated article migration-related', () => {
    const falseAlarms = outcomes
      .filter((outcome) => !outcome.expectedRelated && outcome.related)
      .map((outcome) => `${outcome.path}: topics=[${outcome.topics}]`);
    expect(falseAlarms).toEqual([]);
  });
});
