import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.ts';
import {
  compileSchedule,
  latestSlotAtOrBefore,
  nextSlotAfter,
  slotsBetween,
} from '../../scheduler/cron-schedule.ts';
import { instantOfWallTime, utcOffsetMs } from '../../scheduler/zoned-time.ts';

// 2026's daylight-saving changes in the EU: the last Sunday of March (29th) and of October (25th),
// both at 01:00 UTC. Bucharest: 03:00 → 04:00 and 04:00 → 03:00; Warsaw: 02:00 → 03:00 and 03:00 → 02:00.
const BUCHAREST = 'Europe/Bucharest';
const WARSAW = 'Europe/Warsaw';
const at = (iso: string): Date => new Date(iso);
const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

describe('wall-clock times across daylight-saving changes', () => {
  it('knows the offsets of both zones in winter and in summer', () => {
    expect(utcOffsetMs(at('2026-01-15T12:00:00Z'), BUCHAREST)).toBe(2 * 3_600_000);
    expect(utcOffsetMs(at('2026-07-15T12:00:00Z'), BUCHAREST)).toBe(3 * 3_600_000);
    expect(utcOffsetMs(at('2026-01-15T12:00:00Z'), WARSAW)).toBe(1 * 3_600_000);
    expect(utcOffsetMs(at('2026-07-15T12:00:00Z'), WARSAW)).toBe(2 * 3_600_000);
  });

  it('moves a time skipped by spring-forward forward by the gap', () => {
    expect(instantOfWallTime({ year: 2026, month: 3, day: 29, hour: 3, minute: 30 }, BUCHAREST)).toEqual({
      instant: at('2026-03-29T01:30:00Z'), // 04:30 summer time
      kind: 'gap',
    });
    expect(instantOfWallTime({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, WARSAW)).toEqual({
      instant: at('2026-03-29T01:30:00Z'), // 03:30 summer time
      kind: 'gap',
    });
  });

  it('takes the earlier of a time that happens twice at fall-back', () => {
    expect(instantOfWallTime({ year: 2026, month: 10, day: 25, hour: 3, minute: 30 }, BUCHAREST)).toEqual({
      instant: at('2026-10-25T00:30:00Z'), // 03:30 summer time, not 03:30 winter time (01:30Z)
      kind: 'repeated',
    });
    expect(instantOfWallTime({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, WARSAW)).toEqual({
      instant: at('2026-10-25T00:30:00Z'),
      kind: 'repeated',
    });
  });
});

describe('a daily crawl at 06:00 local time', () => {
  const daily = compileSchedule('0 6 * * *', BUCHAREST);

  it('runs at 06:00 Bucharest time before and after spring-forward (04:00Z, then 03:00Z)', () => {
    expect(iso(nextSlotAfter(daily, at('2026-03-28T00:00:00Z')))).toBe('2026-03-28T04:00:00.000Z');
    expect(iso(nextSlotAfter(daily, at('2026-03-28T04:00:00Z')))).toBe('2026-03-29T03:00:00.000Z');
    expect(iso(nextSlotAfter(daily, at('2026-10-24T12:00:00Z')))).toBe('2026-10-25T04:00:00.000Z');
  });

  it('finds the latest slot at or before now', () => {
    expect(iso(latestSlotAtOrBefore(daily, at('2026-03-29T03:00:00Z')))).toBe('2026-03-29T03:00:00.000Z');
    expect(iso(latestSlotAtOrBefore(daily, at('2026-03-29T02:59:00Z')))).toBe('2026-03-28T04:00:00.000Z');
  });
});

describe('jobs inside the hour that daylight saving skips or repeats run exactly once', () => {
  const cases = [
    {
      zone: BUCHAREST,
      expression: '30 3 * * *',
      spring: '2026-03-29T01:30:00.000Z',
      fall: '2026-10-25T00:30:00.000Z',
    },
    {
      zone: BUCHAREST,
      expression: '0 3 * * *',
      spring: '2026-03-29T01:00:00.000Z',
      fall: '2026-10-25T00:00:00.000Z',
    },
    {
      zone: WARSAW,
      expression: '30 2 * * *',
      spring: '2026-03-29T01:30:00.000Z',
      fall: '2026-10-25T00:30:00.000Z',
    },
    {
      zone: WARSAW,
      expression: '0 2 * * *',
      spring: '2026-03-29T01:00:00.000Z',
      fall: '2026-10-25T00:00:00.000Z',
    },
  ];

  it.each(cases)('$expression in $zone on the spring-forward day', ({ zone, expression, spring }) => {
    const schedule = compileSchedule(expression, zone);
    const slots = slotsBetween(schedule, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'));
    expect(slots.map((slot) => slot.toISOString())).toEqual([spring]);
  });

  it.each(cases)('$expression in $zone on the fall-back day', ({ zone, expression, fall }) => {
    const schedule = compileSchedule(expression, zone);
    const slots = slotsBetween(schedule, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'));
    expect(slots.map((slot) => slot.toISOString())).toEqual([fall]);
  });

  it('an hourly listing crawl runs 23 times on the short day and 24 on the long one (the repeated hour once)', () => {
    for (const zone of [BUCHAREST, WARSAW]) {
      const hourly = compileSchedule('0 * * * *', zone);
      const day = (date: string): number =>
        slotsBetween(
          hourly,
          instantOfWallTime(
            {
              year: 2026,
              month: Number(date.slice(5, 7)),
              day: Number(date.slice(8)) - 1,
              hour: 23,
              minute: 59,
            },
            zone,
          ).instant,
          instantOfWallTime(
            { year: 2026, month: Number(date.slice(5, 7)), day: Number(date.slice(8)), hour: 23, minute: 59 },
            zone,
          ).instant,
        ).length;
      expect(day('2026-03-29'), zone).toBe(23);
      expect(day('2026-10-25'), zone).toBe(24);
      expect(day('2026-06-15'), zone).toBe(24);
    }
  });
});

describe('the weekly digest, Monday 07:00 in each member time zone', () => {
  it('falls on different UTC instants for Bucharest and Warsaw, in winter and in summer', () => {
    const sunday = at('2026-11-29T12:00:00Z');
    expect(iso(nextSlotAfter(compileSchedule('0 7 * * 1', BUCHAREST), sunday))).toBe(
      '2026-11-30T05:00:00.000Z',
    );
    expect(iso(nextSlotAfter(compileSchedule('0 7 * * MON', WARSAW), sunday))).toBe(
      '2026-11-30T06:00:00.000Z',
    );
    const summerSunday = at('2026-06-14T12:00:00Z');
    expect(iso(nextSlotAfter(compileSchedule('0 7 * * 1', BUCHAREST), summerSunday))).toBe(
      '2026-06-15T04:00:00.000Z',
    );
  });

  it('is seven days apart except across a change, when it is 7 days ± 1 hour', () => {
    const weekly = compileSchedule('0 7 * * 1', WARSAW);
    const slots = slotsBetween(weekly, at('2026-03-20T00:00:00Z'), at('2026-04-07T00:00:00Z'));
    expect(slots.map((slot) => slot.toISOString())).toEqual([
      '2026-03-23T06:00:00.000Z',
      '2026-03-30T05:00:00.000Z',
      '2026-04-06T05:00:00.000Z',
    ]);
  });
});

describe('cron day fields', () => {
  it('runs on either restricted day field, as classic cron does', () => {
    // 1st of the month or any Monday, at midnight UTC.
    const schedule = compileSchedule('0 0 1 * 1', 'UTC');
    const slots = slotsBetween(schedule, at('2026-05-31T12:00:00Z'), at('2026-06-16T00:00:00Z'));
    expect(slots.map((slot) => slot.toISOString().slice(0, 10))).toEqual([
      '2026-06-01',
      '2026-06-08',
      '2026-06-15',
    ]);
  });

  it('knows the last day of the month', () => {
    const schedule = compileSchedule('0 12 L * *', 'UTC');
    expect(iso(nextSlotAfter(schedule, at('2028-02-01T00:00:00Z')))).toBe('2028-02-29T12:00:00.000Z');
  });

  it('rejects what is not a cron expression, naming it', () => {
    expect(() => compileSchedule('every day', BUCHAREST)).toThrow(ConfigError);
    expect(() => compileSchedule('every day', BUCHAREST)).toThrow('schedule "every day"');
  });
});
