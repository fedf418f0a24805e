import { describe, expect, it } from 'vitest';
import {
  formatIsoWeek,
  isoWeekOf,
  lastCompletedIsoWeek,
  parseIsoWeek,
  previousIsoWeek,
  weeksInYear,
  weekWindow,
} from '../../digest/iso-week.ts';

describe('ISO weeks', () => {
  it('reads and writes YYYY-Www, refusing weeks a year does not have', () => {
    expect(parseIsoWeek('2026-W03')).toEqual({ year: 2026, week: 3 });
    expect(formatIsoWeek({ year: 2026, week: 3 })).toBe('2026-W03');
    expect(parseIsoWeek('2025-W53')).toBeNull();
    expect(parseIsoWeek('2026-W00')).toBeNull();
    expect(parseIsoWeek('2026-3')).toBeNull();
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeek('2020-W53')).toEqual({ year: 2020, week: 53 });
  });

  it('puts the first days of January in the last week of the year before when ISO says so', () => {
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'), 'UTC')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf(new Date('2024-12-30T12:00:00Z'), 'UTC')).toEqual({ year: 2025, week: 1 });
    expect(previousIsoWeek({ year: 2027, week: 1 })).toEqual({ year: 2026, week: 53 });
  });

  it('reads the week on the member clocks: Sunday 23:30 in Warsaw is already Monday in Bucharest', () => {
    const instant = new Date('2026-01-18T22:30:00Z');
    expect(isoWeekOf(instant, 'Europe/Warsaw')).toEqual({ year: 2026, week: 3 });
    expect(isoWeekOf(instant, 'Europe/Bucharest')).toEqual({ year: 2026, week: 4 });
  });

  it('spans Monday midnight to Monday midnight in the time zone, 167 hours in the week clocks go forward', () => {
    expect(weekWindow({ year: 2026, week: 3 }, 'Europe/Bucharest')).toEqual({
      from: '2026-01-11T22:00:00.000Z',
      to: '2026-01-18T22:00:00.000Z',
    });
    expect(weekWindow({ year: 2026, week: 3 }, 'Europe/Warsaw').from).toBe('2026-01-11T23:00:00.000Z');
    const spring = weekWindow({ year: 2026, week: 13 }, 'Europe/Warsaw'); // 29 March 2026: clocks go forward
    expect((Date.parse(spring.to) - Date.parse(spring.from)) / 3_600_000).toBe(167);
    expect(spring.to).toBe('2026-03-29T22:00:00.000Z');
  });

  it('takes the last week that has ended as the default digest week', () => {
    expect(lastCompletedIsoWeek(new Date('2026-01-19T05:00:00Z'), 'Europe/Bucharest')).toEqual({
      year: 2026,
      week: 3,
    });
  });
});
