import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../pipeline/types.ts';
import { IndexerError } from './errors.ts';

/** One line of a spool file: an article that could not be indexed, and why. */
export interface SpoolEntry {
  readonly spooledAt: string;
  readonly id: string;
  readonly url: string;
  /** HTTP status of the failed bulk item; null when Elasticsearch did not answer. */
  readonly status: number | null;
  readonly reason: string;
  readonly article: Article;
}

const SPOOL_FILE = /^articles-.+\.jsonl$/;
const CLAIMED_SUFFIX = '.replaying';

/** A fresh run id for a spool file name: sortable time plus randomness. */
export function newSpoolRunId(now: Date = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}

/**
 * Appends entries to one spool file per run (`<spoolDir>/articles-<runId>.jsonl`,
 * created on the first entry). Appends are serialised and fsync'd, so an entry
 * is on disk once `flush()` resolves. A failing write is reported by `flush()`.
 */
export class SpoolWriter {
  readonly file: string;
  readonly #dir: string;
  #pending: Promise<void> = Promise.resolve();
  #error: unknown = null;
  #count = 0;

  constructor(spoolDir: string, runId: string) {
    this.#dir = spoolDir;
    this.file = path.join(spoolDir, `articles-${runId}.jsonl`);
  }

  /** How many entries were handed to this writer. */
  get count(): number {
    return this.#count;
  }

  append(entries: readonly SpoolEntry[]): void {
    if (entries.length === 0) return;
    this.#count += entries.length;
    const text = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
    this.#pending = this.#pending
      .then(() => this.#write(text))
      .catch((error: unknown) => {
        this.#error ??= error;
      });
  }

  /**
   * Waits for every append to be on disk.
   * @throws IndexerError when the spool file could not be written (the entries would be lost).
   */
  async flush(): Promise<void> {
    await this.#pending;
    if (this.#error !== null) {
      throw new IndexerError(
        `write spool ${this.file}: ${String(this.#error)}; check that the data folder is writable and not full`,
        { cause: this.#error },
      );
    }
  }

  async #write(text: string): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const handle = await open(this.file, 'a');
    try {
      await handle.appendFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

/** Spool files claimed by a replay: renamed so that new failures go to new files meanwhile. */
export interface ClaimedSpool {
  readonly files: readonly string[];
  readonly entries: readonly SpoolEntry[];
  /** Lines that are not spool entries (a torn write), kept aside for a person. */
  readonly unreadableLines: readonly string[];
}

/**
 * Claims every spool file in the folder (including those a crashed replay left
 * claimed) and reads their entries, oldest file first.
 */
export async function claimSpool(spoolDir: string): Promise<ClaimedSpool> {
  const names = await readdir(spoolDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const files: string[] = [];
  for (const name of names.sort()) {
    const full = path.join(spoolDir, name);
    if (name.endsWith(CLAIMED_SUFFIX) && SPOOL_FILE.test(name.slice(0, -CLAIMED_SUFFIX.length))) {
      files.push(full);
    } else if (SPOOL_FILE.test(name)) {
      await rename(full, `${full}${CLAIMED_SUFFIX}`);
      files.push(`${full}${CLAIMED_SUFFIX}`);
    }
  }
  const entries: SpoolEntry[] = [];
  const unreadableLines: string[] = [];
  for (const file of files) {
    for (const line of (await readFile(file, 'utf8')).split('\n')) {
      if (line.trim() === '') continue;
      const entry = parseEntry(line);
      if (entry === null) unreadableLines.push(line);
      else entries.push(entry);
    }
  }
  return { files, entries, unreadableLines };
}

/** Removes claimed files once their entries are indexed or spooled again. */
export async function releaseSpool(claimed: ClaimedSpool): Promise<void> {
  await Promise.all(claimed.files.map((file) => rm(file, { force: true })));
}

/** Gives claimed files back (a replay that could not run at all). */
export async function unclaimSpool(claimed: ClaimedSpool): Promise<void> {
  for (const file of claimed.files) await rename(file, file.slice(0, -CLAIMED_SUFFIX.length));
}

/** Keeps unreadable lines in `unreadable-<runId>.jsonl`, which replays never read. */
export async function keepUnreadable(
  spoolDir: string,
  lines: readonly string[],
  runId: string,
): Promise<string> {
  const file = path.join(spoolDir, `unreadable-${runId}.jsonl`);
  const handle = await open(file, 'a');
  try {
    await handle.appendFile(lines.map((line) => `${line}\n`).join(''), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return file;
}

/** How many articles wait in the spool (the `status` command's backlog). */
export async function countSpooled(spoolDir: string): Promise<number> {
  const names = await readdir(spoolDir).catch(() => [] as string[]);
  let count = 0;
  for (const name of names) {
    const base = name.endsWith(CLAIMED_SUFFIX) ? name.slice(0, -CLAIMED_SUFFIX.length) : name;
    if (!SPOOL_FILE.test(base)) continue;
    const text = await readFile(path.join(spoolDir, name), 'utf8');
    count += text.split('\n').filter((line) => line.trim() !== '').length;
  }
  return count;
}

function parseEntry(line: string): SpoolEntry | null {
  try {
    const value = JSON.parse(line) as Partial<SpoolEntry>;
    if (typeof value.id !== 'string' || typeof value.article !== 'object' || value.article === null)
      return null;
    return value as SpoolEntry;
  } catch {
    return null;
  }
}
