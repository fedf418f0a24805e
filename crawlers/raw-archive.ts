import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { writeAtomically } from '../core/write-atomically.ts';
import type { FetchedPage } from './types.ts';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

/** The metadata file beside an archived body: the page without its html. */
export interface ArchivedPageMeta extends Omit<FetchedPage, 'html'> {
  /** SHA-256 (hex) of the html as UTF-8: the file's name. */
  readonly contentHash: string;
  /** The charset the body was decoded from. */
  readonly charset?: string;
}

/** Where a page was archived. */
export interface ArchiveEntry {
  readonly contentHash: string;
  readonly htmlPath: string;
  readonly metaPath: string;
  /** False when the same content was already archived that day. */
  readonly written: boolean;
}

/** The SHA-256 (hex) of a page's decoded html, as UTF-8 bytes. */
export function contentHashOf(html: string): string {
  return createHash('sha256').update(html, 'utf8').digest('hex');
}

/**
 * Writes a page to `<dataDir>/raw/<yyyy>/<mm>/<dd>/<sha256>.html.gz` (the
 * decoded html as UTF-8, gzipped) and `<sha256>.json` (its metadata), dated by
 * `fetchedAt` in UTC. Content-addressed: the same content on the same day is
 * written once. Each file is written to a temporary name and renamed, so a
 * reader never sees half a file.
 */
export async function archivePage(
  dataDir: string,
  page: FetchedPage,
  extra: { charset?: string } = {},
): Promise<ArchiveEntry> {
  const contentHash = contentHashOf(page.html);
  const day = page.fetchedAt.slice(0, 10).split('-');
  const folder = path.join(dataDir, 'raw', ...day);
  const htmlPath = path.join(folder, `${contentHash}.html.gz`);
  const metaPath = path.join(folder, `${contentHash}.json`);
  if (await exists(metaPath)) return { contentHash, htmlPath, metaPath, written: false };
  await mkdir(folder, { recursive: true });
  const { html: _html, ...rest } = page;
  const meta: ArchivedPageMeta = {
    ...rest,
    contentHash,
    ...(extra.charset ? { charset: extra.charset } : {}),
  };
  await writeAtomically(htmlPath, await gzip(Buffer.from(page.html, 'utf8')));
  // The metadata goes last: its presence means the entry is complete.
  await writeAtomically(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
  return { contentHash, htmlPath, metaPath, written: true };
}

/** Reads an archived page back from its `.json` or `.html.gz` path. */
export async function readArchivedPage(
  filePath: string,
): Promise<{ page: FetchedPage; meta: ArchivedPageMeta }> {
  const base = filePath.replace(/\.(json|html\.gz)$/, '');
  const meta = JSON.parse(await readFile(`${base}.json`, 'utf8')) as ArchivedPageMeta;
  const html = (await gunzip(await readFile(`${base}.html.gz`))).toString('utf8');
  const { contentHash: _hash, charset: _charset, ...page } = meta;
  return { page: { ...page, html }, meta };
}

/**
 * The metadata paths of every archived page, oldest day first; `since`
 * (`yyyy-mm-dd`) leaves out earlier days.
 */
export async function listArchivedPages(
  dataDir: string,
  options: { since?: string } = {},
): Promise<string[]> {
  const root = path.join(dataDir, 'raw');
  const found: string[] = [];
  for (const year of await listDir(root)) {
    for (const month of await listDir(path.join(root, year))) {
      for (const day of await listDir(path.join(root, year, month))) {
        if (options.since !== undefined && `${year}-${month}-${day}` < options.since) continue;
        const folder = path.join(root, year, month, day);
        for (const name of await listDir(folder))
          if (name.endsWith('.json')) found.push(path.join(folder, name));
      }
    }
  }
  return found;
}

async function listDir(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).sort();
  } catch {
    return [];
  }
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await stat(filePath);
    return true;
  } catch {
    return false;
  }
}
