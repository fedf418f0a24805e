import { wallClockIn } from '../core/zoned-time.ts';
/** A wall-clock time in some time zone, minute resolution; month 1-12. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/**
 * How a wall-clock time maps to an instant:
 * - `exact`: it exists once;
 * - `gap`: it does not exist (spring forward, e.g. 03:30 in Bucharest on the last
 *   Sunday of March); the instant is shifted forward by the gap (04:30 local);
 * - `repeated`: it exists twice (fall back); the instant is the earlier one.
 */
export type WallTimeKind = 'exact' | 'gap' | 'repeated';

/** The wall-clock time of an instant in a time zone (seconds dropped). */
export function wallTimeOf(instant: Date, timeZone: string): WallTime {
  const { year, month, day, hour, minute } = wallClockIn(instant, timeZone);
  return { year, month, day, hour, minute };
}

/** Offsets change on quarter-hour boundaries in every zone in use, so they are cached per quarter hour. */
const QUARTER_HOUR_MS = 15 * 60_000;
const OFFSET_CACHE_LIMIT = 50_000;
const offsetCache = new Map<string, number>();

/** Offset of the zone from UTC at an instant, in ms (Bucharest in summer: +3 h). */
export function utcOffsetMs(instant: Date, timeZone: string): number {
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const key = `${timeZone}|${quarter}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const wall = wallTimeOf(new Date(quarter), timeZone);
  const offset = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) - quarter;
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/**
 * The instant of a wall-clock time in a zone, across daylight-saving changes:
 * a time skipped by spring-forward moves forward by the gap; a time that
 * happens twice at fall-back gives the earlier instant (as Temporal's
 * `compatible` disambiguation does).
 */
export function instantOfWallTime(wall: WallTime, timeZone: string): { instant: Date; kind: WallTimeKind } {
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The offsets a day before and a day after bracket any transition on this day.
  const before = utcOffsetMs(new Date(wallAsUtc - 86_400_000), timeZone);
  const after = utcOffsetMs(new Date(wallAsUtc + 86_400_000), timeZone);
  // No change within a day either side (nearly always): the wall time exists once.
  if (before === after) return { instant: new Date(wallAsUtc - before), kind: 'exact' };
  const candidates = [...new Set([before, after])]
    .map((offset) => wallAsUtc - offset)
    .filter((time) => sameWall(wallTimeOf(new Date(time), timeZone), wall))
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  if (earliest !== undefined) {
    return { instant: new Date(earliest), kind: candidates.length > 1 ? 'repeated' : 'exact' };
  }
  // Spring forward: read the wall time with the offset in force before the gap.
  return { instant: new Date(wallAsUtc - before), kind: 'gap' };
}

function sameWall(a: WallTime, b: WallTime): boolean {
  return (
    a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute
  );
}

/** The calendar day `days` after a date (negative: before); month 1-12. */
export function addDays(
  date: { year: number; month: number; day: number },
  days: number,
): { year: number; month: number; day: number } {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** Day of the week of a calendar date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: { year: number; month: number; day: number }): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
