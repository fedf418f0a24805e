import { type LocalDateTime, zonedTimeToUtcMs } from '../../core/zoned-time.ts';
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

/**
 * Finds the first date printed in running text, in the formats of en, ro, pl,
 * ru, uk, de and hu ("12 martie 2024, 14:05", "12 marca 2024 r.", "12 марта
 * 2024", "12 березня 2024", "12. März 2024 um 14:05", "2024. március 12.",
 * "March 12, 2024", "12.03.2024 14:05", "2024-03-12", "12-Mär-2024"), and
 * returns it as ISO-8601 UTC, reading the wall-clock time in `timeZone`.
 * Numeric dates are day first unless only month-first makes sense.
 */
export function parseTextDate(text: string, timeZone: string): string | null {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  const dmy = DAY_MONTH_YEAR.exec(sample);
  if (dmy !== null) {
    const month = MONTH_NUMBERS.get((dmy[2] ?? '').toLowerCase()) ?? 0;
    const wall = local(Number(dmy[3]), month, Number(dmy[1]), hour24(dmy[4], dmy[6]), Number(dmy[5] ?? 0));
    return toIso(zonedTimeToUtcMs(wall, timeZone));
  }
  const mdy = MONTH_DAY_YEAR.exec(sample);
  if (mdy !== null) {
    const month = MONTH_NUMBERS.get((mdy[1] ?? '').toLowerCase()) ?? 0;
    const wall = local(Number(mdy[3]), month, Number(mdy[2]), hour24(mdy[4], mdy[6]), Number(mdy[5] ?? 0));
    return toIso(zonedTimeToUtcMs(wall, timeZone));
  }
  const ymd = YEAR_MONTH_DAY.exec(sample);
  if (ymd !== null) {
    const month = MONTH_NUMBERS.get((ymd[2] ?? '').toLowerCase()) ?? 0;
    const wall = local(Number(ymd[1]), month, Number(ymd[3]), hour24(ymd[4], ymd[6]), Number(ymd[5] ?? 0));
    return toIso(zonedTimeToUtcMs(wall, timeZone));
  }
  const dashed = DASHED_MONTH.exec(sample);
  if (dashed !== null) {
    const [year, word, day] =
      dashed[1] === undefined ? [dashed[6], dashed[5], dashed[4]] : [dashed[1], dashed[2], dashed[3]];
    const month = MONTH_NUMBERS.get((word ?? '').toLowerCase()) ?? 0;
    return toIso(zonedTimeToUtcMs(local(Number(year), month, Number(day)), timeZone));
  }
  const numeric = NUMERIC_DATE.exec(sample);
  if (numeric !== null) {
    let day = Number(numeric[1]);
    let month = Number(numeric[3]);
    if (month > 12 && day <= 12) [day, month] = [month, day];
    const wall = local(
      Number(numeric[4]),
      month,
      day,
      hour24(numeric[5], numeric[7]),
      Number(numeric[6] ?? 0),
    );
    return toIso(zonedTimeToUtcMs(wall, timeZone));
  }
  const iso = ISO_IN_TEXT.exec(sample);
  if (iso !== null) {
    const wall = local(
      Number(iso[1]),
      Number(iso[2]),
      Number(iso[3]),
      Number(iso[4] ?? 0),
      Number(iso[5] ?? 0),
    );
    return toIso(zonedTimeToUtcMs(wall, timeZone));
  }
  return null;
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
