import { describe, expect, it } from 'vitest';
import { compileSchedule } from '../../scheduler/cron-schedule.ts';
import { decideDue } from '../../scheduler/due.ts';
import { isoWeekOf, lastCompleteIsoWeek } from '../../scheduler/iso-week.ts';

const daily = compileSchedule('0 6 * * *', 'Europe/Bucharest'); // 04:00Z in winter
const at = (iso: string): Date => new Date(iso);

describe('whether a job is due', () => {
  const base = {
    schedule: daily,
    schedulerStartedAt: at('2026-11-20T00:00:00Z'),
    firstRun: 'immediately',
  } as const;

  it('is due once its slot has passed since the last completed run', () => {
    expect(
      decideDue({ ...base, now: at('2026-11-24T04:00:30Z'), lastCompletedStart: at('2026-11-23T04:00:10Z') }),
    ).toEqual({ isDue: true, slot: at('2026-11-24T04:00:00Z'), missedSlots: 1 });
  });

  it('is not due again after the run for that slot, and says when it next is', () => {
    expect(
      decideDue({ ...base, now: at('2026-11-24T09:00:00Z'), lastCompletedStart: at('2026-11-24T04:00:10Z') }),
    ).toEqual({ isDue: false, reason: 'not-yet', nextAt: at('2026-11-25T04:00:00Z') });
  });

  it('catches up three days of downtime with one run, counting the slots it missed', () => {
    const decision = decideDue({
      ...base,
      now: at('2026-11-24T10:00:00Z'),
      lastCompletedStart: at('2026-11-21T04:00:00Z'),
    });
    expect(decision).toEqual({ isDue: true, slot: at('2026-11-24T04:00:00Z'), missedSlots: 3 });
  });

  it('runs a job that never ran at once when its policy says so', () => {
    expect(decideDue({ ...base, now: at('2026-11-24T10:00:00Z'), lastCompletedStart: null })).toMatchObject({
      isDue: true,
    });
  });

  it('waits for the first slot after start for a job that must not run late on day one', () => {
    const weekly = compileSchedule('0 7 * * 1', 'Europe/Warsaw');
    const started = at('2026-11-25T10:00:00Z'); // a Wednesday
    const input = {
      schedule: weekly,
      schedulerStartedAt: started,
      firstRun: 'next-slot',
      lastCompletedStart: null,
    } as const;
    expect(decideDue({ ...input, now: at('2026-11-26T10:00:00Z') })).toEqual({
      isDue: false,
      reason: 'not-yet',
      nextAt: at('2026-11-30T06:00:00Z'),
    });
    expect(decideDue({ ...input, now: at('2026-11-30T06:00:20Z') })).toEqual({
      isDue: true,
      slot: at('2026-11-30T06:00:00Z'),
      missedSlots: 1,
    });
  });
});

describe('the week a Monday digest reports on', () => {
  it('is the ISO week that just ended in the member time zone', () => {
    expect(lastCompleteIsoWeek(at('2026-11-30T05:00:00Z'), 'Europe/Bucharest')).toBe('2026-W48');
    expect(lastCompleteIsoWeek(at('2027-01-04T06:00:00Z'), 'Europe/Warsaw')).toBe('2026-W53');
  });

  it('follows ISO-8601 at year boundaries', () => {
    expect(isoWeekOf({ year: 2027, month: 1, day: 1 })).toBe('2026-W53');
    expect(isoWeekOf({ year: 2025, month: 12, day: 29 })).toBe('2026-W01');
    expect(isoWeekOf({ year: 2026, month: 11, day: 24 })).toBe('2026-W48');
  });
});
