import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { LocalNodeError } from './errors.ts';

/** Maven Central's list of published integ-test-zip versions. */
export const MAVEN_METADATA_URL =
  'https://repo.maven.apache.org/maven2/org/elasticsearch/distribution/integ-test-zip/elasticsearch/maven-metadata.xml';

const RELEASE_VERSION = /^(\d+)\.(\d+)\.(\d+)$/;

/** Where a resolved version came from, for logs. */
export type VersionSource = 'env' | 'maven-central' | 'cache';

export interface ResolvedVersion {
  readonly version: string;
  readonly source: VersionSource;
}

/** The `<version>` entries of a maven-metadata.xml, in document order; pure. */
export function parseMavenMetadataVersions(xml: string): string[] {
  return [...xml.matchAll(/<version>\s*([^<\s]+)\s*<\/version>/g)].map((match) => match[1] ?? '');
}

/** Compares two `major.minor.patch` versions numerically (negative when a < b); pure. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * The newest release (`x.y.z`, no `-SNAPSHOT`/`-rc`) whose major equals
 * `major`, or null when none is listed; pure.
 */
export function newestForMajor(versions: readonly string[], major: number): string | null {
  const matching = versions.filter((version) => {
    const parts = RELEASE_VERSION.exec(version);
    return parts !== null && Number(parts[1]) === major;
  });
  return matching.sort(compareVersions).at(-1) ?? null;
}

/** The major version of the installed @elastic/elasticsearch client (the server's must match). */
export async function installedClientMajor(): Promise<number> {
  // createRequire rather than import.meta.resolve: vitest's module runner lacks the latter.
  let dir = path.dirname(createRequire(import.meta.url).resolve('@elastic/elasticsearch'));
  for (;;) {
    const file = path.join(dir, 'package.json');
    const manifest = await readFile(file, 'utf8').then(
      (text) => JSON.parse(text) as { name?: string; version?: string },
      () => null,
    );
    if (manifest?.name === '@elastic/elasticsearch' && manifest.version !== undefined) {
      return Number(manifest.version.split('.')[0]);
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new LocalNodeError('reading the @elastic/elasticsearch version: package.json not found');
    dir = parent;
  }
}

/** Versions of the zips and complete unpacked homes already in the cache folder. */
export async function cachedVersions(distDir: string): Promise<string[]> {
  const names = await readdir(distDir).catch(() => [] as string[]);
  const versions = names
    .map((name) => /^elasticsearch-(\d+\.\d+\.\d+)(?:\.zip)?$/.exec(name)?.[1])
    .filter((version): version is string => version !== undefined);
  return [...new Set(versions)];
}

export interface ResolveVersionOptions {
  readonly distDir: string;
  readonly clientMajor: number;
  /** PRESSMON_ES_VERSION, when set. */
  readonly override: string | undefined;
  readonly logger: Logger;
  /** Injected for tests; default: Node's fetch of MAVEN_METADATA_URL. */
  readonly fetchMetadata?: () => Promise<string>;
}

/**
 * Chooses the Elasticsearch version to run: PRESSMON_ES_VERSION if set, else
 * the newest release on Maven Central with the client's major, else (offline)
 * the newest one already in the cache.
 */
export async function resolveEsVersion(options: ResolveVersionOptions): Promise<ResolvedVersion> {
  const { clientMajor, override, logger } = options;
  if (override !== undefined && override !== '') {
    const parts = RELEASE_VERSION.exec(override);
    if (parts === null || Number(parts[1]) !== clientMajor) {
      throw new ConfigError(
        `PRESSMON_ES_VERSION must be a release x.y.z with major ${clientMajor} (the @elastic/elasticsearch client's), got "${override}"`,
      );
    }
    return { version: override, source: 'env' };
  }
  const fetchMetadata = options.fetchMetadata ?? fetchMavenMetadata;
  let offlineReason: string;
  try {
    const version = newestForMajor(parseMavenMetadataVersions(await fetchMetadata()), clientMajor);
    if (version !== null) return { version, source: 'maven-central' };
    offlineReason = `no ${clientMajor}.x release is listed`;
  } catch (error) {
    offlineReason = error instanceof Error ? error.message : String(error);
  }
  const cached = newestForMajor(await cachedVersions(options.distDir), clientMajor);
  if (cached !== null) {
    logger.warn(
      { version: cached, reason: offlineReason },
      'Maven Central not reachable, using the cached Elasticsearch',
    );
    return { version: cached, source: 'cache' };
  }
  throw new LocalNodeError(
    `resolving the Elasticsearch version: ${MAVEN_METADATA_URL} failed (${offlineReason}) and ${options.distDir} holds no ${clientMajor}.x zip; connect to Maven Central once, or set PRESSMON_ES_VERSION and put elasticsearch-<version>.zip there`,
    { isRetryable: true },
  );
}

async function fetchMavenMetadata(): Promise<string> {
  const response = await fetch(MAVEN_METADATA_URL, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`GET ${MAVEN_METADATA_URL} answered ${response.status}`);
  return response.text();
}
