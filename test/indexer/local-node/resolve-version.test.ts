import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../core/errors.ts';
import { silentLogger } from '../../../core/logger.ts';
import { LocalNodeError } from '../../../indexer/local-node/errors.ts';
import {
  cachedVersions,
  compareVersions,
  installedClientMajor,
  newestForMajor,
  parseMavenMetadataVersions,
  resolveEsVersion,
} from '../../../indexer/local-node/resolve-version.ts';

// Shaped like Maven Central's maven-metadata.xml for the integ-test-zip (abridged).
const METADATA = `<?xml version="1.0" encoding="UTF-8"?>
<metadata>
  <groupId>org.elasticsearch.distribution.integ-test-zip</groupId>
  <artifactId>elasticsearch</artifactId>
  <versioning>
    <latest>8.19.21</latest>
    <release>8.19.21</release>
    <versions>
      <version>7.17.29</version>
      <version>8.2.0</version>
      <version>8.19.3</version>
      <version>8.19.21</version>
      <version>8.9.0</version>
      <version>9.0.0-rc1</version>
      <version>8.20.0-SNAPSHOT</version>
    </versions>
    <lastUpdated>20250101000000</lastUpdated>
  </versioning>
</metadata>`;

describe('parseMavenMetadataVersions', () => {
  it('lists every <version> in document order', () => {
    expect(parseMavenMetadataVersions(METADATA)).toEqual([
      '7.17.29',
      '8.2.0',
      '8.19.3',
      '8.19.21',
      '8.9.0',
      '9.0.0-rc1',
      '8.20.0-SNAPSHOT',
    ]);
  });
});

describe('newestForMajor', () => {
  it('compares numerically, not as text, and ignores pre-releases', () => {
    const versions = parseMavenMetadataVersions(METADATA);
    expect(newestForMajor(versions, 8)).toBe('8.19.21');
    expect(newestForMajor(versions, 7)).toBe('7.17.29');
  });

  it('is null when the major has no release', () => {
    expect(newestForMajor(parseMavenMetadataVersions(METADATA), 9)).toBeNull();
  });

  it('orders versions by each number', () => {
    expect(compareVersions('8.9.0', '8.19.0')).toBeLessThan(0);
    expect(compareVersions('8.19.21', '8.19.3')).toBeGreaterThan(0);
    expect(compareVersions('8.19.21', '8.19.21')).toBe(0);
  });
});

describe('installedClientMajor', () => {
  it('reads the major of the installed @elastic/elasticsearch', async () => {
    const { createRequire } = await import('node:module');
    const manifest = createRequire(import.meta.url)(
      '../../../node_modules/@elastic/elasticsearch/package.json',
    ) as {
      version: string;
    };
    expect(await installedClientMajor()).toBe(Number(manifest.version.split('.')[0]));
  });
});

describe('resolveEsVersion', () => {
  let distDir: string;
  const logger = silentLogger();
  const offline = async (): Promise<string> => {
    throw new Error('getaddrinfo ENOTFOUND repo.maven.apache.org');
  };

  beforeEach(async () => {
    distDir = await mkdtemp(path.join(tmpdir(), 'pressmon-resolve-'));
  });
  afterEach(async () => {
    await rm(distDir, { recursive: true, force: true });
  });

  it('takes the newest release of the client major from Maven Central', async () => {
    const resolved = await resolveEsVersion({
      distDir,
      clientMajor: 8,
      override: undefined,
      logger,
      fetchMetadata: async () => METADATA,
    });
    expect(resolved).toEqual({ version: '8.19.21', source: 'maven-central' });
  });

  it('honours PRESSMON_ES_VERSION without asking Maven Central', async () => {
    const resolved = await resolveEsVersion({
      distDir,
      clientMajor: 8,
      override: '8.17.4',
      logger,
      fetchMetadata: offline,
    });
    expect(resolved).toEqual({ version: '8.17.4', source: 'env' });
  });

  it('rejects a PRESSMON_ES_VERSION of another major than the client', async () => {
    await expect(
      resolveEsVersion({ distDir, clientMajor: 8, override: '9.1.0', logger, fetchMetadata: offline }),
    ).rejects.toThrow(ConfigError);
  });

  it('falls back to the newest zip or home of the major already in the cache when offline', async () => {
    await writeFile(path.join(distDir, 'elasticsearch-8.18.0.zip'), '');
    await mkdir(path.join(distDir, 'elasticsearch-8.19.2'));
    await writeFile(path.join(distDir, 'elasticsearch-7.17.0.zip'), '');
    expect((await cachedVersions(distDir)).sort()).toEqual(['7.17.0', '8.18.0', '8.19.2']);
    const resolved = await resolveEsVersion({
      distDir,
      clientMajor: 8,
      override: undefined,
      logger,
      fetchMetadata: offline,
    });
    expect(resolved).toEqual({ version: '8.19.2', source: 'cache' });
  });

  it('fails with the URL, the cache folder and a remedy when offline with an empty cache', async () => {
    const failure = resolveEsVersion({
      distDir,
      clientMajor: 8,
      override: undefined,
      logger,
      fetchMetadata: offline,
    });
    await expect(failure).rejects.toThrow(LocalNodeError);
    await expect(failure).rejects.toThrow(/maven-metadata\.xml.*ENOTFOUND.*PRESSMON_ES_VERSION/s);
    await expect(failure).rejects.toThrow(distDir);
  });
});
