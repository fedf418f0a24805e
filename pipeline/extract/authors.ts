import { AUTHOR_SEPARATOR, BYLINE_PREFIX } from './vocabulary.ts';

/** A name longer than this many words is a sentence, not a byline. */
const MAX_NAME_WORDS = 6;
const MAX_NAME_CHARS = 80;

function stripPrefixes(part: string): string {
  let current = part.trim();
  for (let previous = ''; previous !== current; ) {
    previous = current;
    current = current.replace(BYLINE_PREFIX, '').trim();
  }
  return current;
}

function isName(part: string): boolean {
  if (part.length < 2 || part.length > MAX_NAME_CHARS) return false;
  if (/https?:|www\.|\/|@|\d/i.test(part)) return false;
  if (!/\p{L}/u.test(part)) return false;
  return part.split(/\s+/).length <= MAX_NAME_WORDS;
}

/**
 * Turns raw bylines into author names: strips prefixes ("By", "de",
 * "Autor:", "Фото:", "Автор:"), splits on ",", ";", "|", "&", " and ", " și ",
 * " i ", " oraz ", " и ", " та ", drops URLs, e-mail addresses, dates and
 * sentences, and removes duplicates (ignoring case), keeping the first spelling.
 */
export function cleanAuthors(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const line of raw) {
    const squeezed = line.replace(/\s+/g, ' ').trim();
    if (/^https?:\/\//i.test(squeezed)) continue;
    for (const piece of stripPrefixes(squeezed).split(AUTHOR_SEPARATOR)) {
      const name = stripPrefixes(piece).replace(/^[\s:–—-]+|[\s:–—-]+$/g, '');
      const key = name.toLocaleLowerCase();
      if (!isName(name) || seen.has(key)) continue;
      seen.add(key);
      names.push(name);
    }
  }
  return names;
}
