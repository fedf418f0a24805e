import { addDays, wallTimeOf, weekdayOf } from './zoned-time.ts';

/** ISO-8601 week (`2026-W48`) of a calendar date; month 1-12. */
export function isoWeekOf(date: { year: number; month: number; day: number }): string {
  // The ISO week belongs to the year of its Thursday.
  const isoWeekday = weekdayOf(date) === 0 ? 7 : weekdayOf(date);
  const thursday = addDays(date, 4 - isoWeekday);
  const yearStart = Date.UTC(thursday.year, 0, 1);
  const dayOfYear = (Date.UTC(thursday.year, thursday.month - 1, thursday.day) - yearStart) / 86_400_000;
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${thursday.year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The last complete ISO week before an instant, in a time zone: on Monday
 * 2026-11-30 07:00 in Bucharest that is `2026-W48` (Nov 23-29), the week a
 * Monday digest reports on.
 */
export function lastCompleteIsoWeek(instant: Date, timeZone: string): string {
  return isoWeekOf(addDays(wallTimeOf(instant, timeZone), -7));
}
