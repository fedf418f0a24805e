import { BlockedPageError } from './errors.ts';

/**
 * Signs that a site answered with a block page (a bot challenge, a CAPTCHA,
 * "access denied") instead of the page asked for: one named table, checked
 * against the status, a few headers and the start of the body.
 */
const BODY_SIGNS: readonly (readonly [string, RegExp])[] = [
  ['cloudflare-challenge', /<title>\s*(just a moment\.\.\.|attention required! \| cloudflare)/i],
  ['cloudflare-challenge', /cf-browser-verification|challenge-platform|cf_chl_opt|cf-turnstile/i],
  ['captcha', /g-recaptcha|h-captcha|hcaptcha\.com|recaptcha\/api\.js|captcha-delivery\.com/i],
  ['captcha', /<title>[^<]*captcha[^<]*<\/title>/i],
  ['access-denied', /<title>\s*(access denied|403 forbidden|forbidden|request rejected)\s*<\/title>/i],
  [
    'access-denied',
    /you don't have permission to access|the requested url was rejected|reference #\d+\.\w+/i,
  ],
  ['bot-protection', /perimeterx|px-captcha|distil_r_captcha|incapsula incident id|ddos-guard/i],
];

/** Bytes of the body searched; block pages are small and say so early. */
const SNIFF_CHARS = 20_000;

/** A 200 page this small that shows a CAPTCHA is a challenge, not an article with a comment form. */
const SMALL_PAGE_CHARS = 15_000;

/** Statuses that, with a sign in the body or headers, mean a block page. */
const BLOCK_STATUSES = new Set([401, 403, 429, 503]);

/** What a response looks like as far as block pages go. */
export type BlockCheck =
  | { readonly isBlocked: false }
  | { readonly isBlocked: true; readonly signal: string };

/**
 * What the answer was expected to be: an article page; an HTML listing (a
 * section or search page); or a feed or sitemap that did not parse as one.
 */
export type BlockContext = 'article' | 'listing' | 'unreadable-listing';

/**
 * Whether an answer is a block page. A 401/403/429/503 counts with any sign,
 * or with a Cloudflare mitigation header; a bare 403 is `forbidden` (a site
 * that refuses us everywhere). A 200 article page counts only with a
 * challenge sign, or a CAPTCHA on a small page (an article may mention
 * "access denied"); a 200 HTML listing also with an "access denied" sign (a
 * listing's title is the site's, not a story's); a feed or sitemap that did
 * not parse with any sign.
 */
export function checkBlockPage(
  status: number,
  headers: Readonly<Record<string, string>>,
  html: string,
  context: BlockContext = 'article',
): BlockCheck {
  if (headers['cf-mitigated'] !== undefined) return { isBlocked: true, signal: 'cloudflare-challenge' };
  const head = html.slice(0, SNIFF_CHARS);
  for (const [signal, pattern] of BODY_SIGNS) {
    if (!pattern.test(head)) continue;
    if (BLOCK_STATUSES.has(status) || context === 'unreadable-listing' || signal === 'cloudflare-challenge')
      return { isBlocked: true, signal };
    // An article may carry a CAPTCHA for its comment form: with a 200, only a small page is a challenge.
    if (signal === 'captcha' && html.length < SMALL_PAGE_CHARS) return { isBlocked: true, signal };
    if (signal === 'access-denied' && context === 'listing') return { isBlocked: true, signal };
  }
  if (status === 403) return { isBlocked: true, signal: 'forbidden' };
  return { isBlocked: false };
}

/**
 * The error for a listing that answered with a block page, or undefined when
 * it did not (see checkBlockPage for what counts in each context). Feeds and
 * sitemaps are checked as `unreadable-listing` only once they fail to parse:
 * a real feed may have an item titled "CAPTCHA".
 */
export function blockedListingError(
  url: string,
  answer: { readonly status: number; readonly headers: Readonly<Record<string, string>> },
  text: string,
  sourceId: string,
  context: Exclude<BlockContext, 'article'> = 'listing',
): BlockedPageError | undefined {
  const block = checkBlockPage(answer.status, answer.headers, text, context);
  return block.isBlocked ? new BlockedPageError(url, answer.status, block.signal, { sourceId }) : undefined;
}
