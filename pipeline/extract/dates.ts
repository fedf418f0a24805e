import { type LocalDateTime, wallClockIn, zonedTimeToUtcMs } from '../../core/zoned-time.ts';
import { MONTH_NUMBERS, MONTH_PATTERN } from './month-names.ts';

/** How far past the fetch time a date may lie before it is taken for a mistake (1 day). */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

const ISO_DATE_ONLY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/i;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$/;
const EPOCH = /^\d{10}(\d{3})?$/;
const EXPLICIT_ZONE = /(\b(GMT|UTC)\b|[+-]\d{2}:?\d{2}\b|Z$)/i;

const TIME_PART = String.raw`[\s,|/–—-]*(?:(?:at|la|ora|o|godz\.?|в|о|um)[\s,]+)?(\d{1,2})[:.h](\d{2})(?!\d)(?::\d{2}(?:[.,]\d+)?)?(?:\s*([ap])\.?m\.?)?`;
const YEAR_SUFFIX = String.raw`(?:\s*(?:r\.|г\.|года|року|р\.|roku))?`;
const DAY_MONTH_YEAR = new RegExp(
  String.raw`(?<![\p{L}\d])(\d{1,2})\.?\s*(${MONTH_PATTERN})\.?,?\s+(\d{4})${YEAR_SUFFIX}(?:${TIME_PART})?`,
  'iu',
);
const MONTH_DAY_YEAR = new RegExp(
  String.raw`(?<![\p{L}\d])(${MONTH_PATTERN})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:${TIME_PART})?`,
  'iu',
);
/** Hungarian order: "2024. március 12." with an optional clock time. */
const YEAR_MONTH_DAY = new RegExp(
  String.raw`(?<![\p{L}\d])(\d{4})\.?\s+(${MONTH_PATTERN})\.?\s+(\d{1,2})\.?(?!\d)(?:${TIME_PART})?`,
  'iu',
);
/** "2020-берез-11", "12-Mär-2014": a month word between dashes. */
const DASHED_MONTH = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(\d{4})-(${MONTH_PATTERN})\.?-(\d{1,2})|(\d{1,2})-(${MONTH_PATTERN})\.?-(\d{4}))(?![\p{L}\d])`,
  'iu',
);
const NUMERIC_DATE = new RegExp(
  String.raw`(?<!\d)(\d{1,2})([./])(\d{1,2})\2(\d{4})(?!\d)(?:${TIME_PART})?`,
  'u',
);
const ISO_IN_TEXT = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?(?!\d)/;
/** "26 апреля", "12 martie, 14:05", "12. März": a day and a month word, no year (read against the fetch time). */
const DAY_MONTH = new RegExp(
  String.raw`(?<![\p{L}\d])(\d{1,2})\.?\s*(${MONTH_PATTERN})\.?(?![\p{L}\d])(?!\.?,?\s+\d{4})(?:${TIME_PART})?`,
  'iu',
);
/** "March 12", "Dec. 3, 2:21 p.m.": a month word and a day, no year. */
const MONTH_DAY = new RegExp(
  String.raw`(?<![\p{L}\d])(${MONTH_PATTERN})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?!,?\s+\d{4})(?:${TIME_PART})?`,
  'iu',
);
/** A clock time printed before the date: "2:21 p.m., December 11, 2014", "14:05, 12 martie 2024", "1 a.m 20.07.2021". */
const LEADING_TIME =
  /(?<![\d:.])(\d{1,2})(?:(?:[:.h](\d{2}))?\s*([ap])\.?\s?m\b\.?|[:h](\d{2}))[\s,|/–—-]*$/i;
/** "at noon", "midnight" after a date without a clock time. */
const NAMED_TIME = /^[\s,]*(?:at\s+)?(noon|midday|midnight)\b/i;

function toIso(ms: number | null): string | null {
  return ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}

function hour24(hour: string | undefined, meridiem: string | undefined): number {
  const value = Number(hour ?? 0);
  if (meridiem === undefined) return value;
  const isPm = meridiem.toLowerCase() === 'p';
  return (value % 12) + (isPm ? 12 : 0);
}

function local(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): LocalDateTime {
  return { year, month, day, hour, minute, second };
}

function zoneOffsetMinutes(zone: string): number {
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (match === null) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * Reads a machine-readable date from page metadata (JSON-LD, meta tags,
 * `<time datetime>`) as ISO-8601 UTC. A value with an offset keeps its instant;
 * a value without one is read as wall-clock time in `timeZone`; a date without a
 * time is midnight in `timeZone`. Falls back to {@link parseTextDate}. Returns
 * null when nothing parses.
 */
export function parseMetadataDate(raw: string, timeZone: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  const dateOnly = ISO_DATE_ONLY.exec(value);
  if (dateOnly !== null) {
    return toIso(
      zonedTimeToUtcMs(local(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])), timeZone),
    );
  }
  const full = ISO_DATE_TIME.exec(value);
  if (full !== null) {
    const [, y, mo, d, h, mi, s, fraction, zone] = full;
    const wall = local(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0));
    // Milliseconds, when the page gives them, are kept: they order same-minute wire stories.
    const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
    const utcMs = zone === undefined ? zonedTimeToUtcMs(wall, timeZone) : zonedTimeToUtcMs(wall, 'UTC');
    if (utcMs === null) return null;
    return toIso(utcMs + ms - (zone === undefined ? 0 : zoneOffsetMinutes(zone) * 60_000));
  }
  const compact = COMPACT_DATE.exec(value);
  if (compact !== null) {
    const [, y, mo, d, h, mi, s] = compact;
    const wall = local(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
    return toIso(zonedTimeToUtcMs(wall, timeZone));
  }
  if (EPOCH.test(value)) return toIso(value.length === 13 ? Number(value) : Number(value) * 1000);
  if (EXPLICIT_ZONE.test(value)) {
    const parsed = Date.parse(value);
    if (Number.isFinite(parsed)) return toIso(parsed);
  }
  return parseTextDate(value, timeZone);
}

/** A date found in running text: where, and its fields as printed (the time when there is one). */
interface FoundDate {
  readonly index: number;
  readonly length: number;
  readonly year: number | null;
  readonly month: number;
  readonly day: number;
  /** null when the date carries no clock time of its own. */
  readonly time: { readonly hour: number; readonly minute: number } | null;
}

function monthOf(word: string | undefined): number {
  return MONTH_NUMBERS.get((word ?? '').toLowerCase()) ?? 0;
}

function timeOf(
  hour: string | undefined,
  minute: string | undefined,
  meridiem: string | undefined,
): FoundDate['time'] {
  return hour === undefined ? null : { hour: hour24(hour, meridiem), minute: Number(minute ?? 0) };
}

/**
 * Where a date format's regular expression puts each field: group numbers;
 * `month` names a month word unless `isMonthNumeric`; `hour` is followed by
 * the minute and (when `hasMeridiem`) the am/pm groups. `year` 0: no year.
 */
interface DateFormat {
  readonly pattern: RegExp;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number;
  readonly isMonthNumeric?: boolean;
  readonly hasMeridiem?: boolean;
}

/** Full dates, from the most to the least specific; the first format that matches anywhere wins. */
const FULL_DATE_FORMATS: readonly DateFormat[] = [
  { pattern: DAY_MONTH_YEAR, day: 1, month: 2, year: 3, hour: 4, hasMeridiem: true },
  { pattern: MONTH_DAY_YEAR, month: 1, day: 2, year: 3, hour: 4, hasMeridiem: true },
  { pattern: YEAR_MONTH_DAY, year: 1, month: 2, day: 3, hour: 4, hasMeridiem: true },
  { pattern: DASHED_MONTH, year: 1, month: 2, day: 3 },
  { pattern: DASHED_MONTH, day: 4, month: 5, year: 6 },
  { pattern: NUMERIC_DATE, day: 1, month: 3, year: 4, hour: 5, hasMeridiem: true, isMonthNumeric: true },
  { pattern: ISO_IN_TEXT, year: 1, month: 2, day: 3, hour: 4, isMonthNumeric: true },
];
const DAY_MONTH_FORMAT: DateFormat = {
  pattern: DAY_MONTH,
  day: 1,
  month: 2,
  year: 0,
  hour: 3,
  hasMeridiem: true,
};
const MONTH_DAY_FORMAT: DateFormat = {
  pattern: MONTH_DAY,
  month: 1,
  day: 2,
  year: 0,
  hour: 3,
  hasMeridiem: true,
};

/** The date a format finds first in `sample`, or null (also when its year group did not take part). */
function findDate(sample: string, format: DateFormat): FoundDate | null {
  const match = format.pattern.exec(sample);
  if (match === null || (format.year > 0 && match[format.year] === undefined)) return null;
  let day = Number(match[format.day]);
  let month = format.isMonthNumeric ? Number(match[format.month]) : monthOf(match[format.month]);
  // Numeric dates are day first unless only month-first makes sense.
  if (format.isMonthNumeric && month > 12 && day <= 12) [day, month] = [month, day];
  const hour = format.hour;
  return {
    index: match.index,
    length: match[0].length,
    year: format.year > 0 ? Number(match[format.year]) : null,
    month,
    day,
    time:
      hour === undefined
        ? null
        : timeOf(match[hour], match[hour + 1], format.hasMeridiem ? match[hour + 2] : undefined),
  };
}

/** The first full date (day, month and year) in `sample`, trying the formats from the most to the least specific. */
function findFullDate(sample: string): FoundDate | null {
  for (const format of FULL_DATE_FORMATS) {
    const found = findDate(sample, format);
    if (found !== null) return found;
  }
  return null;
}

/** The first day and month printed without a year ("26 апреля", "March 12"). */
function findYearlessDate(sample: string): FoundDate | null {
  const dayFirst = findDate(sample, DAY_MONTH_FORMAT);
  const monthFirst = findDate(sample, MONTH_DAY_FORMAT);
  if (dayFirst === null || (monthFirst !== null && monthFirst.index < dayFirst.index)) return monthFirst;
  return dayFirst;
}

/** The clock time printed just before the date, or "at noon"/"midnight" just after it. */
function nearbyTime(sample: string, found: FoundDate): FoundDate['time'] {
  const before = LEADING_TIME.exec(sample.slice(Math.max(0, found.index - 24), found.index));
  if (before !== null) return timeOf(before[1], before[2] ?? before[4], before[3]);
  const named = NAMED_TIME.exec(sample.slice(found.index + found.length));
  if (named === null) return null;
  return { hour: named[1]?.toLowerCase() === 'midnight' ? 0 : 12, minute: 0 };
}

/**
 * Finds the first date printed in running text, in the formats of en, ro, pl,
 * ru, uk, de and hu ("12 martie 2024, 14:05", "12 marca 2024 r.", "12 марта
 * 2024", "12 березня 2024", "12. März 2024 um 14:05", "2024. március 12.",
 * "March 12, 2024", "12.03.2024 14:05", "2024-03-12", "12-Mär-2024"), with a
 * clock time after the date, before it ("2:21 p.m., December 11, 2014") or
 * named ("at noon"), and returns it as ISO-8601 UTC, reading the wall-clock
 * time in `timeZone`. Numeric dates are day first unless only month-first
 * makes sense. Given `reference` (the fetch time, ISO-8601), a day and month
 * without a year ("26 апреля, 14:05", "March 12") are read in the latest year
 * that does not put them after the reference (beyond {@link MAX_FUTURE_MS}):
 * news pages leave out the current year.
 */
export function parseTextDate(text: string, timeZone: string, reference?: string): string | null {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  const full = findFullDate(sample);
  const referenceMs = reference === undefined ? Number.NaN : Date.parse(reference);
  const found = full ?? (Number.isFinite(referenceMs) ? findYearlessDate(sample) : null);
  if (found === null) return null;
  const { hour, minute } = found.time ?? nearbyTime(sample, found) ?? { hour: 0, minute: 0 };
  if (found.year !== null)
    return toIso(zonedTimeToUtcMs(local(found.year, found.month, found.day, hour, minute), timeZone));
  let year: number;
  try {
    year = wallClockIn(new Date(referenceMs), timeZone).year;
  } catch {
    return null;
  }
  const thisYear = zonedTimeToUtcMs(local(year, found.month, found.day, hour, minute), timeZone);
  if (thisYear !== null && thisYear <= referenceMs + MAX_FUTURE_MS) return toIso(thisYear);
  return toIso(zonedTimeToUtcMs(local(year - 1, found.month, found.day, hour, minute), timeZone));
}

/**
 * Keeps a date only when it is plausible for a page fetched at `fetchedAt`:
 * not more than {@link MAX_FUTURE_MS} after the fetch and not before 1990.
 */
export function plausibleDate(iso: string | null, fetchedAt: string): string | null {
  if (iso === null) return null;
  const at = Date.parse(iso);
  const fetched = Date.parse(fetchedAt);
  if (!Number.isFinite(at) || at < Date.UTC(1990, 0, 1)) return null;
  if (Number.isFinite(fetched) && at > fetched + MAX_FUTURE_MS) return null;
  return iso;
}
