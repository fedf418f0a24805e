import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { articleIdFor, normaliseUrl } from '../core/canonical-url.ts';
import { writeAtomically } from '../core/write-atomically.ts';

/** Aliases whose URL no crawl has discovered for this many days are dropped by {@link UrlAliases.compact}. */
export const ALIAS_MAX_AGE_DAYS = 90;

/** One line of an alias file. */
interface AliasLine {
  /** The discovered URL, normalised. */
  readonly url: string;
  /** The id the article was indexed under. */
  readonly articleId: string;
  /** When a crawl last discovered the URL (ISO-8601); absent in files written before it was recorded. */
  readonly seenAt?: string;
}

interface Alias {
  readonly articleId: string;
  /** When a crawl last discovered the URL, in ms since the epoch. */
  seenAtMs: number;
}

/**
 * Article ids of discovered URLs that are not the id of the URL itself: a link
 * that redirects (`/old/x` → `/x`), or a page whose canonical URL differs from
 * the link (`/x?ref=rss` → `/x`). Without it such an article would look new on
 * every run and be fetched again each day, since the index holds it under its
 * final URL. Kept per source in `<dataDir>/aliases/<source id>.jsonl`, one
 * line appended per new alias (a run killed mid-way loses at most the line it
 * was writing; an unreadable line is skipped). The index stays the truth: an
 * alias only says which id to look up.
 *
 * The file does not grow for ever: {@link compact}, called at the end of a
 * crawl, rewrites it with one line per alias and drops the aliases of URLs no
 * crawl has discovered for {@link ALIAS_MAX_AGE_DAYS} days (they have left the
 * feeds and listings). Should such a URL come back, its page is fetched once
 * more and indexed under the same article id (the id comes from the page's
 * canonical URL), so nothing is indexed twice.
 */
export class UrlAliases {
  readonly #file: string;
  readonly #now: () => Date;
  readonly #aliases = new Map<string, Alias>();
  /** Lines in the file, to tell whether {@link compact} has anything to shorten. */
  #lines = 0;
  /** The file ends in a line a killed run cut short: the next line starts on a line of its own. */
  #isTorn = false;

  private constructor(file: string, now: () => Date) {
    this.#file = file;
    this.#now = now;
  }

  /**
   * The alias file of a source (empty when there is none or it cannot be
   * read). `now` dates the discoveries; aliases from files that did not record
   * them count as discovered when the file is opened.
   */
  static async open(dataDir: string, sourceId: string, now = (): Date => new Date()): Promise<UrlAliases> {
    const aliases = new UrlAliases(path.join(dataDir, 'aliases', `${sourceId}.jsonl`), now);
    const text = await readFile(aliases.#file, 'utf8').catch(() => '');
    aliases.#isTorn = text !== '' && !text.endsWith('\n');
    const openedAtMs = now().getTime();
    for (const line of text.split('\n')) {
      const alias = parseLine(line);
      if (alias === undefined) continue;
      aliases.#lines += 1;
      const seenAtMs = alias.seenAt === undefined ? Number.NaN : Date.parse(alias.seenAt);
      aliases.#aliases.set(alias.url, {
        articleId: alias.articleId,
        seenAtMs: Number.isNaN(seenAtMs) ? openedAtMs : seenAtMs,
      });
    }
    return aliases;
  }

  /** How many discovered URLs have an alias. */
  get size(): number {
    return this.#aliases.size;
  }

  /**
   * The id to look a discovered URL up under: its alias, else articleIdFor(url).
   * Asking counts as discovering the URL now: it keeps the alias from {@link compact}.
   */
  idFor(url: string): string {
    const alias = this.#aliases.get(normaliseUrl(url) ?? url);
    if (alias === undefined) return articleIdFor(url);
    alias.seenAtMs = this.#now().getTime();
    return alias.articleId;
  }

  /**
   * Records that the page discovered at `url` was stored as `articleId`;
   * nothing is written when that is the URL's own id or already recorded.
   */
  async remember(url: string, articleId: string): Promise<void> {
    const key = normaliseUrl(url);
    if (key === null || this.idFor(url) === articleId) return;
    const seenAt = this.#now();
    this.#aliases.set(key, { articleId, seenAtMs: seenAt.getTime() });
    await mkdir(path.dirname(this.#file), { recursive: true });
    const line = `${JSON.stringify({ url: key, articleId, seenAt: seenAt.toISOString() } satisfies AliasLine)}\n`;
    await appendFile(this.#file, this.#isTorn ? `\n${line}` : line);
    this.#lines += 1;
    this.#isTorn = false;
  }

  /**
   * Rewrites the file (atomically) with one line per alias, with when each URL
   * was last discovered, leaving out aliases not discovered for `maxAgeDays`.
   * Returns how many aliases were dropped. Call it at the end of a crawl, when
   * no other run of the same source appends to the file.
   */
  async compact(maxAgeDays = ALIAS_MAX_AGE_DAYS): Promise<number> {
    const cutoffMs = this.#now().getTime() - maxAgeDays * 86_400_000;
    const kept = [...this.#aliases].filter(([, alias]) => alias.seenAtMs >= cutoffMs);
    const dropped = this.#aliases.size - kept.length;
    if (this.#lines === 0 && dropped === 0) return 0;
    const lines = kept.map(([url, alias]) =>
      JSON.stringify({
        url,
        articleId: alias.articleId,
        seenAt: new Date(alias.seenAtMs).toISOString(),
      } satisfies AliasLine),
    );
    await writeAtomically(this.#file, lines.map((line) => `${line}\n`).join(''));
    for (const [url, alias] of this.#aliases) if (alias.seenAtMs < cutoffMs) this.#aliases.delete(url);
    this.#lines = kept.length;
    this.#isTorn = false;
    return dropped;
  }
}

function parseLine(line: string): AliasLine | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value = JSON.parse(line) as Partial<AliasLine>;
    if (typeof value.url !== 'string' || typeof value.articleId !== 'string') return undefined;
    return {
      url: value.url,
      articleId: value.articleId,
      ...(typeof value.seenAt === 'string' ? { seenAt: value.seenAt } : {}),
    };
  } catch {
    return undefined; // a line cut short by a kill
  }
}
