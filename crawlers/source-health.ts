import type { SourceCrawlReport } from './crawl-report.ts';

/** Something about a source's crawl that a person should look at. */
export interface HealthFlag {
  readonly kind: 'volume-zero' | 'volume-drop' | 'blocked';
  readonly message: string;
}

/** How a source's crawl compares with its recent runs, and whether it looks blocked. */
export interface SourceHealth {
  readonly ok: boolean;
  readonly flags: readonly HealthFlag[];
  /** Links discovered in this run. */
  readonly volume: number;
  /** Median links discovered over the recent runs compared with; null without history. */
  readonly usualVolume: number | null;
  /** Recent runs compared with. */
  readonly runsCompared: number;
}

/** Thresholds of the health check. */
export const HEALTH_RULES = {
  /** Below this share of the usual volume a source is flagged. */
  dropRatio: 0.25,
  /** A usual volume below this is too small to judge a drop. */
  minUsualVolume: 4,
  /** Runs needed before volume is judged at all. */
  minRuns: 2,
  /**
   * Article pages answered with a block page (or 403): at least this many, and at least `blockedShare`
   * of the answers. One blocked listing is enough.
   */
  minBlocked: 2,
  blockedShare: 0.5,
} as const;

/** The part of a past run's report the health check reads. */
export interface PastVolume {
  readonly discovered: number;
  readonly aborted: boolean;
}

/**
 * Judges one source's crawl against its recent runs (newest first, aborted
 * ones ignored): flagged when discovery found nothing or far fewer links than
 * usual (the median); or when a listing, or most article pages, answered
 * with block pages (CAPTCHA, Cloudflare challenge, "access denied") or 403s.
 */
export function judgeSourceHealth(report: SourceCrawlReport, history: readonly PastVolume[]): SourceHealth {
  const flags: HealthFlag[] = [];
  const past = history.filter((run) => !run.aborted).map((run) => run.discovered);
  const usual = past.length >= HEALTH_RULES.minRuns ? median(past) : null;
  const volume = report.discovered;
  if (!report.aborted && usual !== null && usual >= HEALTH_RULES.minUsualVolume) {
    if (volume === 0)
      flags.push({
        kind: 'volume-zero',
        message: `found no links (usually ${usual} over ${past.length} runs)`,
      });
    else if (volume < usual * HEALTH_RULES.dropRatio)
      flags.push({
        kind: 'volume-drop',
        message: `found ${volume} links, far below the usual ${usual} (median of ${past.length} runs)`,
      });
  }
  const blocked = blockedFlag(report);
  if (blocked !== undefined) flags.push(blocked);
  return { ok: flags.length === 0, flags, volume, usualVolume: usual, runsCompared: past.length };
}

/** Listings shown by name in a `blocked` flag. */
const LISTINGS_NAMED = 3;

/**
 * The `blocked` flag: any listing (feed, sitemap, section or search page)
 * that answered with a block page or 403, since it cuts discovery off; or
 * article pages, when most answers were block pages.
 */
function blockedFlag(report: SourceCrawlReport): HealthFlag | undefined {
  const blocked = report.failures.filter((failure) => failure.reason === 'blocked' || failure.status === 403);
  const listings = blocked.filter((failure) => failure.isListing === true);
  const pages = blocked.length - listings.length;
  const answered = report.fetched + pages;
  const arePagesBlocked = pages >= HEALTH_RULES.minBlocked && pages >= answered * HEALTH_RULES.blockedShare;
  if (listings.length === 0 && !arePagesBlocked) return undefined;
  const signs = [
    ...new Set(
      blocked.filter((f) => f.reason === 'blocked').map((f) => f.message.replace(/^.*\((.*)\)$/, '$1')),
    ),
  ];
  const parts: string[] = [];
  if (listings.length > 0) {
    const named = listings.slice(0, LISTINGS_NAMED).map((failure) => failure.url);
    const more = listings.length > LISTINGS_NAMED ? ` and ${listings.length - LISTINGS_NAMED} more` : '';
    const noun = listings.length === 1 ? 'listing' : 'listings';
    parts.push(`${listings.length} ${noun} answered with a block page or 403 (${named.join(', ')}${more})`);
  }
  if (arePagesBlocked) parts.push(`${pages} of ${answered} answers were block pages or 403`);
  return {
    kind: 'blocked',
    message: `${parts.join('; ')}${signs.length > 0 ? ` (${signs.join(', ')})` : ''}`,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}
