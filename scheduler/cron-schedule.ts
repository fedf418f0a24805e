import { validate as isValidCron, parse as parseCron } from 'node-cron';
import { ConfigError } from '../core/errors.ts';
import {
  addDays,
  daysInMonth,
  instantOfWallTime,
  type WallTime,
  wallTimeOf,
  weekdayOf,
} from './zoned-time.ts';

/**
 * A cron expression read in a time zone, ready for the pure slot functions
 * below. Minute resolution: a seconds field is accepted and ignored.
 */
export interface CronSchedule {
  readonly expression: string;
  readonly timeZone: string;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly months: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly isLastDayOfMonth: boolean;
  readonly weekdays: ReadonlySet<number>;
  /** Classic cron: when both day fields are restricted, a day matching either runs. */
  readonly isDayEither: boolean;
}

/** Days searched backwards or forwards for a slot: a little over a year covers any yearly schedule. */
const SEARCH_DAYS = 400;

/**
 * Reads a cron expression (5 fields, or 6 with seconds) in an IANA time zone.
 * @throws ConfigError for an expression node-cron does not accept or a day
 * syntax this scheduler does not support (`#`, `L` in the weekday field).
 */
export function compileSchedule(expression: string, timeZone: string): CronSchedule {
  if (!isValidCron(expression)) {
    throw new ConfigError(`schedule "${expression}": not a cron expression like "0 6 * * *"`);
  }
  const fields = parseCron(expression);
  const tokens = expression.trim().split(/\s+/);
  const [domToken, , dowToken] = tokens.slice(-3);
  const days = fields.dayOfMonth.filter((day): day is number => typeof day === 'number');
  const weekdays = fields.dayOfWeek.filter((day): day is number => typeof day === 'number');
  if (weekdays.length !== fields.dayOfWeek.length) {
    throw new ConfigError(
      `schedule "${expression}": weekday field: only numbers, names and ranges are supported`,
    );
  }
  return {
    expression,
    timeZone,
    minutes: [...new Set(fields.minute)].sort((a, b) => a - b),
    hours: [...new Set(fields.hour)].sort((a, b) => a - b),
    months: new Set(fields.month),
    daysOfMonth: new Set(days),
    isLastDayOfMonth: fields.dayOfMonth.includes('L'),
    weekdays: new Set(weekdays.map((day) => day % 7)),
    isDayEither: isRestricted(domToken) && isRestricted(dowToken),
  };
}

function isRestricted(token: string | undefined): boolean {
  return token !== undefined && token !== '*' && token !== '?';
}

function matchesDay(schedule: CronSchedule, date: { year: number; month: number; day: number }): boolean {
  if (!schedule.months.has(date.month)) return false;
  const byMonthDay =
    schedule.daysOfMonth.has(date.day) ||
    (schedule.isLastDayOfMonth && date.day === daysInMonth(date.year, date.month));
  const byWeekday = schedule.weekdays.has(weekdayOf(date));
  return schedule.isDayEither ? byMonthDay || byWeekday : byMonthDay && byWeekday;
}

/** The instants of one local day's slots, in order, without duplicates (a DST gap can merge two). */
function slotsOfDay(schedule: CronSchedule, date: { year: number; month: number; day: number }): number[] {
  if (!matchesDay(schedule, date)) return [];
  const instants = new Set<number>();
  for (const hour of schedule.hours) {
    for (const minute of schedule.minutes) {
      const wall: WallTime = { ...date, hour, minute };
      instants.add(instantOfWallTime(wall, schedule.timeZone).instant.getTime());
    }
  }
  return [...instants].sort((a, b) => a - b);
}

/** The latest slot at or before `now`, or null when there is none within about a year. */
export function latestSlotAtOrBefore(schedule: CronSchedule, now: Date): Date | null {
  // Start a day ahead: a slot of tomorrow's local date never precedes now, but a
  // gap-shifted slot can cross midnight, so look at the neighbouring day too.
  const today = wallTimeOf(now, schedule.timeZone);
  for (let offset = 1; offset >= -SEARCH_DAYS; offset--) {
    const slots = slotsOfDay(schedule, addDays(today, offset));
    for (let index = slots.length - 1; index >= 0; index--) {
      const slot = slots[index] as number;
      if (slot <= now.getTime()) return new Date(slot);
    }
  }
  return null;
}

/** The first slot strictly after `after`, or null when there is none within about a year. */
export function nextSlotAfter(schedule: CronSchedule, after: Date): Date | null {
  const today = wallTimeOf(after, schedule.timeZone);
  for (let offset = -1; offset <= SEARCH_DAYS; offset++) {
    for (const slot of slotsOfDay(schedule, addDays(today, offset))) {
      if (slot > after.getTime()) return new Date(slot);
    }
  }
  return null;
}

/**
 * The slots in (`from`, `to`], oldest first, at most `limit` of them: what a
 * scheduler that was down between the two instants missed.
 */
export function slotsBetween(schedule: CronSchedule, from: Date, to: Date, limit = 1000): Date[] {
  const slots: Date[] = [];
  const first = wallTimeOf(from, schedule.timeZone);
  const days = Math.ceil((to.getTime() - from.getTime()) / 86_400_000) + 2;
  for (let offset = -1; offset <= days && slots.length < limit; offset++) {
    for (const slot of slotsOfDay(schedule, addDays(first, offset))) {
      if (slot > from.getTime() && slot <= to.getTime() && slots.length < limit) slots.push(new Date(slot));
    }
  }
  return slots;
}
