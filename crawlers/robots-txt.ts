/**
 * A robots.txt parser and matcher following RFC 9309 and the reference
 * implementation's reading of it (google/robotstxt): groups of user-agent
 * lines, the most specific (longest) matching rule wins, `allow` wins a tie,
 * `*` and a final `$` in patterns, unknown lines ignored. Also reads the
 * non-standard `Crawl-delay` that many news sites still use.
 */

/** Directive names as written, typos included that the reference parser accepts. */
const DIRECTIVES: Readonly<Record<string, Directive>> = {
  'user-agent': 'user-agent',
  useragent: 'user-agent',
  'user agent': 'user-agent',
  allow: 'allow',
  disallow: 'disallow',
  dissallow: 'disallow',
  dissalow: 'disallow',
  disalow: 'disallow',
  diasllow: 'disallow',
  disallaw: 'disallow',
  sitemap: 'sitemap',
  'site-map': 'sitemap',
  'crawl-delay': 'crawl-delay',
  crawldelay: 'crawl-delay',
  'crawl delay': 'crawl-delay',
};

type Directive = 'user-agent' | 'allow' | 'disallow' | 'sitemap' | 'crawl-delay';

interface Rule {
  readonly allow: boolean;
  /** The path pattern, non-ASCII bytes percent-encoded. */
  readonly pattern: string;
}

interface Group {
  /** Product tokens, lower-cased; `*` for the global group. */
  readonly agents: string[];
  readonly rules: Rule[];
  crawlDelaySecs?: number;
}

/** A parsed robots.txt: which paths each crawler may fetch, its crawl delay and the sitemaps it names. */
export interface RobotsTxt {
  /** Whether `userAgent` (a product token such as `pressmon`) may fetch `url`. */
  isAllowed(url: string, userAgent: string): boolean;
  /** `Crawl-delay` of the group that applies to `userAgent`, in ms; undefined when there is none. */
  crawlDelayMs(userAgent: string): number | undefined;
  readonly sitemaps: readonly string[];
}

/** Parses robots.txt bytes (UTF-8; a BOM, even a broken one, is skipped) or text. */
export function parseRobotsTxt(content: Uint8Array | string): RobotsTxt {
  const text = typeof content === 'string' ? content.replace(/^\uFEFF/, '') : decodeSkippingBom(content);
  const groups: Group[] = [];
  const sitemaps: string[] = [];
  let current: Group | undefined;
  let seenRule = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const parsed = parseLine(line);
    if (parsed === null) continue;
    const [directive, value] = parsed;
    switch (directive) {
      case 'user-agent':
        if (current === undefined || seenRule) {
          current = { agents: [], rules: [] };
          groups.push(current);
          seenRule = false;
        }
        current.agents.push(agentToken(value));
        break;
      case 'allow':
      case 'disallow':
        if (current === undefined) break; // rules before any user-agent line belong to no group
        seenRule = true;
        current.rules.push({ allow: directive === 'allow', pattern: escapePattern(value) });
        if (directive === 'allow') {
          // As the reference parser: allowing `/dir/index.html` allows `/dir/` too.
          const slash = value.lastIndexOf('/');
          if (slash >= 0 && value.slice(slash).startsWith('/index.htm'))
            current.rules.push({ allow: true, pattern: escapePattern(`${value.slice(0, slash + 1)}$`) });
        }
        break;
      case 'crawl-delay': {
        const seconds = Number(value);
        if (current !== undefined && Number.isFinite(seconds) && seconds >= 0)
          current.crawlDelaySecs = seconds;
        break;
      }
      case 'sitemap':
        if (value !== '') sitemaps.push(value);
        break;
    }
  }
  return {
    isAllowed: (url, userAgent) => isAllowed(groups, pathOf(url), userAgent.toLowerCase()),
    crawlDelayMs: (userAgent) => crawlDelayOf(groups, userAgent.toLowerCase()),
    sitemaps,
  };
}

function decodeSkippingBom(bytes: Uint8Array): string {
  const bom = [0xef, 0xbb, 0xbf];
  let start = 0;
  while (start < bom.length && bytes[start] === bom[start]) start += 1;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).toString('utf8');
}

/** `[directive, value]` of a line, or null for blank lines, comments and unknown directives. */
function parseLine(raw: string): [Directive, string] | null {
  const hash = raw.indexOf('#');
  // Only ASCII blanks: a BOM in mid-file (which String.trim would drop) leaves its line unreadable.
  const line = trimBlanks(hash >= 0 ? raw.slice(0, hash) : raw);
  if (line === '') return null;
  const colon = line.indexOf(':');
  let key: string;
  let value: string;
  if (colon >= 0) {
    key = trimBlanks(line.slice(0, colon));
    value = trimBlanks(line.slice(colon + 1));
  } else {
    // A missing colon is accepted when the line is exactly `key value` (`disallow /`).
    const match = /^(\S+)\s+(\S+)$/.exec(line);
    if (match?.[1] === undefined || match[2] === undefined) return null;
    [key, value] = [match[1], match[2]];
  }
  const directive = DIRECTIVES[key.toLowerCase().replace(/\s+/g, ' ')];
  return directive === undefined ? null : [directive, value];
}

function trimBlanks(text: string): string {
  return text.replace(/^[ \t\v\f]+|[ \t\v\f]+$/g, '');
}

/** The product token of a user-agent line: `*`, or the leading letters, `_` and `-` (`Foo Bar` → `foo`). */
function agentToken(value: string): string {
  if (/^\*(\s|$)/.test(value)) return '*';
  return (/^[A-Za-z_-]*/.exec(value)?.[0] ?? '').toLowerCase();
}

/** Percent-encodes non-ASCII characters and upper-cases existing escapes, as URLs are compared that way. */
function escapePattern(pattern: string): string {
  return pattern
    .replace(/%[0-9a-fA-F]{2}/g, (percent) => percent.toUpperCase())
    .replace(/[^\p{ASCII}]+/gu, (chars) => encodeURIComponent(chars));
}

/**
 * The path, parameters and query of a URL as written (no normalisation: the
 * caller's percent-encoding is kept), `/` when there is none.
 */
function pathOf(url: string): string {
  let rest = url;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(rest);
  if (scheme !== null) rest = rest.slice(scheme[0].length);
  else if (rest.startsWith('//')) rest = rest.slice(2);
  const start = rest.search(/[/?;]/);
  let path = start < 0 ? '/' : rest.slice(start);
  const hash = path.indexOf('#');
  if (hash >= 0) path = path.slice(0, hash);
  if (!path.startsWith('/')) path = `/${path}`;
  return path;
}

/**
 * Whether `pattern` (with `*` wildcards and an optional final `$`) matches a
 * prefix of `path`. Runs in O(path × pattern) by tracking every position the
 * pattern can have reached, so `*****` cannot backtrack exponentially.
 */
export function patternMatches(path: string, pattern: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  // positions[i]: the path offsets the first i pattern characters can end at.
  let positions = [0];
  for (const char of body) {
    if (positions.length === 0) return false;
    if (char === '*') {
      const first = positions[0] ?? 0;
      positions = Array.from({ length: path.length - first + 1 }, (_, index) => first + index);
      continue;
    }
    const next: number[] = [];
    for (const position of positions) if (path[position] === char) next.push(position + 1);
    positions = next;
  }
  if (positions.length === 0) return false;
  return !anchored || positions.includes(path.length);
}

/** The longest pattern of the given groups that matches, for allow and for disallow (-1: none). */
function bestMatches(groups: readonly Group[], path: string): { allow: number; disallow: number } {
  const best = { allow: -1, disallow: -1 };
  for (const group of groups) {
    for (const rule of group.rules) {
      if (!patternMatches(path, rule.pattern)) continue;
      const key = rule.allow ? 'allow' : 'disallow';
      best[key] = Math.max(best[key], rule.pattern.length);
    }
  }
  return best;
}

function isAllowed(groups: readonly Group[], path: string, agent: string): boolean {
  if (agent === '') return true;
  const specific = groups.filter((group) => group.agents.includes(agent));
  const bySpecific = bestMatches(specific, path);
  if (bySpecific.allow > 0 || bySpecific.disallow > 0) return bySpecific.disallow <= bySpecific.allow;
  // A group names this crawler but none of its rules matched (or they are empty): allowed.
  if (specific.length > 0) return true;
  const byGlobal = bestMatches(
    groups.filter((group) => group.agents.includes('*')),
    path,
  );
  if (byGlobal.allow > 0 || byGlobal.disallow > 0) return byGlobal.disallow <= byGlobal.allow;
  return true;
}

function crawlDelayOf(groups: readonly Group[], agent: string): number | undefined {
  const delayOf = (wanted: string): number | undefined => {
    const delays = groups
      .filter((group) => group.agents.includes(wanted) && group.crawlDelaySecs !== undefined)
      .map((group) => group.crawlDelaySecs ?? 0);
    return delays.length === 0 ? undefined : Math.max(...delays) * 1000;
  };
  return delayOf(agent) ?? delayOf('*');
}
