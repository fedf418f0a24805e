import { wallClockIn } from '../core/zoned-time.ts';
/** An ISO-8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export interface IsoWeek {
  readonly year: number;
  /** 1..53 */
  readonly week: number;
}

/** A half-open span of time `[from, to)`, as ISO-8601 UTC instants. */
export interface TimeWindow {
  readonly from: string;
  readonly to: string;
}

const DAY_MS = 86_400_000;
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** Reads `YYYY-Www` (`2026-W03`); null when the text is not a week of that year. */
export function parseIsoWeek(text: string): IsoWeek | null {
  const match = WEEK_PATTERN.exec(text.trim());
  if (match === null) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > weeksInYear(year)) return null;
  return { year, week };
}

/** `2026-W03`. */
export function formatIsoWeek(week: IsoWeek): string {
  return `${week.year}-W${String(week.week).padStart(2, '0')}`;
}

/** 52 or 53: a year has 53 ISO weeks when its 28 December falls in week 53. */
export function weeksInYear(year: number): number {
  return isoWeekOfCivilDate(year, 12, 28).week;
}

/** The ISO week a calendar date (year, month 1..12, day) belongs to. */
export function isoWeekOfCivilDate(year: number, month: number, day: number): IsoWeek {
  const date = new Date(Date.UTC(year, month - 1, day));
  const dayOfWeek = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  // The Thursday of the same week decides the year.
  const thursday = new Date(date.getTime() + (4 - dayOfWeek) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const firstDay = Date.UTC(weekYear, 0, 1);
  return { year: weekYear, week: Math.floor((thursday.getTime() - firstDay) / DAY_MS / 7) + 1 };
}

/** The ISO week an instant falls in, read on the clocks of `timeZone`. */
export function isoWeekOf(instant: Date, timeZone: string): IsoWeek {
  const { year, month, day } = civilDateIn(instant, timeZone);
  return isoWeekOfCivilDate(year, month, day);
}

/** The week before. */
export function previousIsoWeek(week: IsoWeek): IsoWeek {
  if (week.week > 1) return { year: week.year, week: week.week - 1 };
  return { year: week.year - 1, week: weeksInYear(week.year - 1) };
}

/** The last week that has ended by `now` in `timeZone` (the week a Monday-morning digest reports). */
export function lastCompletedIsoWeek(now: Date, timeZone: string): IsoWeek {
  return previousIsoWeek(isoWeekOf(now, timeZone));
}

/** The Monday of a week as a calendar date (UTC midnight of that date). */
export function mondayOf(week: IsoWeek): Date {
  const january4 = new Date(Date.UTC(week.year, 0, 4));
  const dayOfWeek = january4.getUTCDay() === 0 ? 7 : january4.getUTCDay();
  return new Date(january4.getTime() - (dayOfWeek - 1) * DAY_MS + (week.week - 1) * 7 * DAY_MS);
}

/**
 * The week as instants: from Monday 00:00 to the next Monday 00:00 on the
 * clocks of `timeZone` (167, 168 or 169 hours around daylight-saving changes).
 */
export function weekWindow(week: IsoWeek, timeZone: string): TimeWindow {
  const monday = mondayOf(week);
  const nextMonday = new Date(monday.getTime() + 7 * DAY_MS);
  return {
    from: zonedMidnight(monday, timeZone).toISOString(),
    to: zonedMidnight(nextMonday, timeZone).toISOString(),
  };
}

/** The instant when the calendar date `date` (read in UTC) begins in `timeZone`. */
function zonedMidnight(date: Date, timeZone: string): Date {
  const wall = date.getTime();
  // The offset at the guess can differ from the offset at the answer across a DST change: look twice.
  const first = wall - offsetMs(new Date(wall), timeZone);
  return new Date(wall - offsetMs(new Date(first), timeZone));
}

/** How far the clocks of `timeZone` are ahead of UTC at `instant`, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const parts = wallClockIn(instant, timeZone);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

function civilDateIn(instant: Date, timeZone: string): { year: number; month: number; day: number } {
  const { year, month, day } = wallClockIn(instant, timeZone);
  return { year, month, day };
}
