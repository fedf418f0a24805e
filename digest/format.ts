import type { TimeWindow } from './iso-week.ts';
import type { DigestStrings } from './strings.ts';

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let found = FORMATTERS.get(key);
  if (found === undefined) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    FORMATTERS.set(key, found);
  }
  return found;
}

/** The week as the member reads it: `12–18 Jan 2026` (the last day is the one before `to`). */
export function formatWeekRange(window: TimeWindow, strings: DigestStrings, timeZone: string): string {
  const from = new Date(window.from);
  const lastDay = new Date(Date.parse(window.to) - 1);
  return formatter(strings.locale, timeZone, { day: 'numeric', month: 'short', year: 'numeric' }).formatRange(
    from,
    lastDay,
  );
}

/** A story's day, `14 Jan`, in the member's time zone; the "no date" word when unknown. */
export function formatDay(time: string | null, strings: DigestStrings, timeZone: string): string {
  if (time === null) return strings.undated;
  return formatter(strings.locale, timeZone, { day: 'numeric', month: 'short' }).format(new Date(time));
}

/** `+5 (+25%)`, `−3 (−10%)`, `±0`; without a percentage when the week before had none. */
export function formatChange(current: number, previous: number, locale: string): string {
  const difference = current - previous;
  if (difference === 0) return '±0';
  const sign = difference > 0 ? '+' : '−';
  const amount = `${sign}${Math.abs(difference).toLocaleString(locale)}`;
  if (previous === 0) return amount;
  const percent = Math.round((Math.abs(difference) / previous) * 100);
  return `${amount} (${sign}${percent.toLocaleString(locale)}%)`;
}

/**
 * Text from a crawled page, made safe for one line of a message: control
 * characters and line breaks become spaces, runs of spaces shrink, and it is
 * cut at `maxChars` with an ellipsis. (HTML escaping is the renderer's job.)
 */
export function oneLine(text: string, maxChars: number): string {
  const flat = text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The URL when it is an absolute http(s) URL, else null (a `javascript:` link never reaches a mail). */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
