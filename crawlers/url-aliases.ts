import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { articleIdFor, normaliseUrl } from '../core/canonical-url.ts';

/** One line of an alias file. */
interface AliasLine {
  /** The discovered URL, normalised. */
  readonly url: string;
  /** The id the article was indexed under. */
  readonly articleId: string;
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
 */
export class UrlAliases {
  readonly #file: string;
  readonly #ids = new Map<string, string>();
  /** The file ends in a line a killed run cut short: the next line starts on a line of its own. */
  #isTorn = false;

  private constructor(file: string) {
    this.#file = file;
  }

  /** The alias file of a source (empty when there is none or it cannot be read). */
  static async open(dataDir: string, sourceId: string): Promise<UrlAliases> {
    const aliases = new UrlAliases(path.join(dataDir, 'aliases', `${sourceId}.jsonl`));
    const text = await readFile(aliases.#file, 'utf8').catch(() => '');
    aliases.#isTorn = text !== '' && !text.endsWith('\n');
    for (const line of text.split('\n')) {
      const alias = parseLine(line);
      if (alias !== undefined) aliases.#ids.set(alias.url, alias.articleId);
    }
    return aliases;
  }

  /** How many discovered URLs have an alias. */
  get size(): number {
    return this.#ids.size;
  }

  /** The id to look a discovered URL up under: its alias, else articleIdFor(url). */
  idFor(url: string): string {
    return this.#ids.get(normaliseUrl(url) ?? url) ?? articleIdFor(url);
  }

  /**
   * Records that the page discovered at `url` was stored as `articleId`;
   * nothing is written when that is the URL's own id or already recorded.
   */
  async remember(url: string, articleId: string): Promise<void> {
    const key = normaliseUrl(url);
    if (key === null || this.idFor(url) === articleId) return;
    this.#ids.set(key, articleId);
    await mkdir(path.dirname(this.#file), { recursive: true });
    const line = `${JSON.stringify({ url: key, articleId } satisfies AliasLine)}\n`;
    await appendFile(this.#file, this.#isTorn ? `\n${line}` : line);
    this.#isTorn = false;
  }
}

function parseLine(line: string): AliasLine | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value = JSON.parse(line) as Partial<AliasLine>;
    return typeof value.url === 'string' && typeof value.articleId === 'string'
      ? { url: value.url, articleId: value.articleId }
      : undefined;
  } catch {
    return undefined; // a line cut short by a kill
  }
}
