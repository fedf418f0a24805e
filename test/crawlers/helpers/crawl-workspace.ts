import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { type LocalSite, startLocalSite } from './local-site.ts';

/** A test's crawl data folder and the local sites it serves, made fresh for each test and removed after it. */
export interface CrawlWorkspace {
  /** The data folder (PRESSMON_DATA_DIR) of the current test. */
  dataDir(): string;
  /** Starts a local site (startLocalSite) that is closed after the test. */
  serve(...args: Parameters<typeof startLocalSite>): Promise<LocalSite>;
}

/** Registers the per-test set-up and clean-up; call at the top of a test file. */
export function useCrawlWorkspace(label: string): CrawlWorkspace {
  let dataDir: string | undefined;
  const sites: LocalSite[] = [];
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), `pressmon-${label}-`));
  });
  afterEach(async () => {
    await Promise.all(sites.splice(0).map((site) => site.close()));
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });
  return {
    dataDir: () => {
      if (dataDir === undefined)
        throw new Error('useCrawlWorkspace: dataDir() is only available inside a test');
      return dataDir;
    },
    serve: async (...args) => {
      const site = await startLocalSite(...args);
      sites.push(site);
      return site;
    },
  };
}
