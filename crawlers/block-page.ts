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
 * Whether an answer is a block page. A 200 counts only with a challenge sign,
 * or a CAPTCHA on a small page (an article may mention "access denied"); a
 * 401/403/429/503 counts with any sign, or with a Cloudflare mitigation
 * header; a bare 403 is `forbidden` (a site that refuses us everywhere).
 */
export function checkBlockPage(
  status: number,
  headers: Readonly<Record<string, string>>,
  html: string,
): BlockCheck {
  if (headers['cf-mitigated'] !== undefined) return { isBlocked: true, signal: 'cloudflare-challenge' };
  const head = html.slice(0, SNIFF_CHARS);
  for (const [signal, pattern] of BODY_SIGNS) {
    if (!pattern.test(head)) continue;
    // An article may carry a CAPTCHA for its comment form: with a 200, only a small page is a challenge.
    const isChallengeSized = signal === 'captcha' && html.length < SMALL_PAGE_CHARS;
    if (BLOCK_STATUSES.has(status) || signal === 'cloudflare-challenge' || isChallengeSized)
      return { isBlocked: true, signal };
  }
  if (status === 403) return { isBlocked: true, signal: 'forbidden' };
  return { isBlocked: false };
}
