/** A wall-clock time as printed on a page, without a time zone. */
export interface LocalDateTime {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The wall-clock time the clocks of `timeZone` show at an instant (one cached
 * Intl formatter per zone). The one reading of time zones that extraction,
 * the scheduler and the digest share.
 * @throws RangeError for a zone name the runtime does not know.
 */
export function wallClockIn(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offsets already read, by zone and instant: a page repeats its dates, and Intl takes microseconds per reading. */
const offsetsByZone = new Map<string, Map<number, number>>();
/** Instants remembered per zone before that zone's memory is cleared. */
const MAX_REMEMBERED_OFFSETS = 1024;

/** Offset of `timeZone` from UTC at the instant `utcMs`, in milliseconds (east positive). */
export function timeZoneOffsetMs(utcMs: number, timeZone: string): number {
  let offsets = offsetsByZone.get(timeZone);
  const remembered = offsets?.get(utcMs);
  if (remembered !== undefined) return remembered;
  const wall = wallClockIn(new Date(utcMs), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offsetMs = asUtc - (utcMs - (utcMs % 1000));
  if (offsets === undefined || offsets.size >= MAX_REMEMBERED_OFFSETS) {
    offsets = new Map();
    offsetsByZone.set(timeZone, offsets);
  }
  offsets.set(utcMs, offsetMs);
  return offsetMs;
}

/** True when `timeZone` is an IANA zone name this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The UTC instant (ms since the epoch) at which the clocks of `timeZone` show
 * `local`. Uses Intl for the zone's offset, refined once so that times near a
 * daylight-saving change land on the right side of it. Returns null for an
 * impossible date (31 February) or an unknown zone.
 */
export function zonedTimeToUtcMs(local: LocalDateTime, timeZone: string): number | null {
  const { year, month, day, hour, minute, second } = local;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(naive);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  if (!isKnownTimeZone(timeZone)) return null;
  const firstGuess = naive - timeZoneOffsetMs(naive, timeZone);
  return naive - timeZoneOffsetMs(firstGuess, timeZone);
}
