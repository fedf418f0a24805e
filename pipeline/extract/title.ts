/** Separators between a headline and the site name in `<title>` and og:title. */
const SEPARATOR = /\s+[|\-–—:·•/»]+\s+|\s*::\s*/g;

function normalise(text: string): string {
  return text.toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function isSiteName(part: string, siteNames: readonly string[]): boolean {
  const candidate = normalise(part);
  if (candidate.length < 2) return false;
  return siteNames.some((name) => {
    const known = normalise(name);
    return (
      known.length >= 2 &&
      (candidate === known ||
        candidate.includes(known) ||
        (candidate.length >= 4 && known.includes(candidate)))
    );
  });
}

/** The site's own label in its host name: `digi24` for `www.digi24.ro`. */
export function hostLabel(url: string): string | null {
  try {
    const parts = new URL(url).hostname.replace(/^www\d?\./, '').split('.');
    return parts.length >= 2 ? (parts[parts.length - 2] ?? null) : (parts[0] ?? null);
  } catch {
    return null;
  }
}

/**
 * Removes the site name from the end or the start of a title (" - Site",
 * " | Site", "Site | "): a part counts as the site name when it matches one of
 * `siteNames` (og:site_name, the publisher, the host label) ignoring case,
 * spaces and punctuation. The headline itself is never emptied.
 */
export function removeSiteName(title: string, siteNames: readonly string[]): string {
  let current = title.replace(/\s+/g, ' ').trim();
  for (let round = 0; round < 3; round += 1) {
    const separators = [...current.matchAll(SEPARATOR)];
    const last = separators.at(-1);
    const first = separators[0];
    if (last?.index !== undefined && isSiteName(current.slice(last.index + last[0].length), siteNames)) {
      current = current.slice(0, last.index).trim();
    } else if (first?.index !== undefined && isSiteName(current.slice(0, first.index), siteNames)) {
      current = current.slice(first.index + first[0].length).trim();
    } else break;
  }
  return current === '' ? title.trim() : current;
}
