import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readArchivedPage } from '../../crawlers/raw-archive.ts';

/** The addresses an archived page may be filed under for an article. */
export interface ArchivedPageQuery {
  readonly urls: readonly string[];
  /** ISO-8601 UTC time of the fetch that produced the article: it dates the archive folder. */
  readonly fetchedAt: string;
}

/**
 * Finds the raw page an article was extracted from in the raw archive
 * (crawlers/raw-archive.ts): the day folder of its fetch, a page whose url or
 * final url is the article's. Null when it is not (or no longer) archived.
 */
export async function findArchivedPage(dataDir: string, query: ArchivedPageQuery): Promise<string | null> {
  const day = query.fetchedAt.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const folder = path.join(dataDir, 'raw', ...day.split('-'));
  const names = await readdir(folder).catch(() => [] as string[]);
  const wanted = new Set(query.urls);
  let found: { file: string; fetchedAt: string } | null = null;
  for (const name of names.filter((candidate) => candidate.endsWith('.json')).sort()) {
    const file = path.join(folder, name);
    const meta = await readMeta(file);
    if (meta === null || !(wanted.has(meta.url) || wanted.has(meta.finalUrl))) continue;
    // The fetch the article came from, or else the latest of that day.
    if (meta.fetchedAt === query.fetchedAt) return file;
    if (found === null || meta.fetchedAt > found.fetchedAt) found = { file, fetchedAt: meta.fetchedAt };
  }
  return found?.file ?? null;
}

/** The decoded html of an archived page (by its metadata path). */
export async function readArchivedHtml(metaPath: string): Promise<string> {
  return (await readArchivedPage(metaPath)).page.html;
}

async function readMeta(file: string): Promise<{ url: string; finalUrl: string; fetchedAt: string } | null> {
  try {
    const meta = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const { url, finalUrl, fetchedAt } = meta;
    if (typeof url !== 'string' || typeof finalUrl !== 'string' || typeof fetchedAt !== 'string') return null;
    return { url, finalUrl, fetchedAt };
  } catch {
    return null;
  }
}
