import { describe, expect, it } from 'vitest';
import {
  parseClockTime,
  parseMetadataDate,
  parseRelativeDate,
  parseTextDate,
} from '../../../pipeline/extract/index.ts';

describe('parseMetadataDate', () => {
  it('keeps the instant of a value with an offset and writes it in UTC', () => {
    expect(parseMetadataDate('2024-05-07T08:15:00+03:00', 'UTC')).toBe('2024-05-07T05:15:00.000Z');
    expect(parseMetadataDate('2024-05-07T08:15:00.123Z', 'Europe/Warsaw')).toBe('2024-05-07T08:15:00.123Z');
    expect(parseMetadataDate('2024-05-07 08:15:00 +0200', 'UTC')).toBe('2024-05-07T06:15:00.000Z');
  });

  it('reads a value without an offset in the source time zone, across daylight-saving time', () => {
    expect(parseMetadataDate('2024-01-15T10:00:00', 'Europe/Bucharest')).toBe('2024-01-15T08:00:00.000Z');
    expect(parseMetadataDate('2024-07-15T10:00:00', 'Europe/Bucharest')).toBe('2024-07-15T07:00:00.000Z');
  });

  it('puts a date-only value at midnight in the source time zone (UTC by default)', () => {
    expect(parseMetadataDate('2024-03-12', 'Europe/Warsaw')).toBe('2024-03-11T23:00:00.000Z');
    expect(parseMetadataDate('2024-03-12', 'UTC')).toBe('2024-03-12T00:00:00.000Z');
  });

  it('reads RFC 2822 dates and epoch seconds, and rejects nonsense', () => {
    expect(parseMetadataDate('Tue, 12 Mar 2024 14:05:00 GMT', 'UTC')).toBe('2024-03-12T14:05:00.000Z');
    expect(parseMetadataDate('1710252300', 'UTC')).toBe('2024-03-12T14:05:00.000Z');
    expect(parseMetadataDate('2024-02-31', 'UTC')).toBeNull();
    expect(parseMetadataDate('yesterday-ish', 'UTC')).toBeNull();
  });
});

describe('parseTextDate in ro, pl, ru, uk, en', () => {
  const cases: readonly (readonly [string, string, string])[] = [
    ['12 martie 2024, 14:05', 'Europe/Bucharest', '2024-03-12T12:05:00.000Z'],
    ['Publicat: 3 iulie 2024 ora 09:30', 'Europe/Bucharest', '2024-07-03T06:30:00.000Z'],
    ['12 marca 2024 r.', 'Europe/Warsaw', '2024-03-11T23:00:00.000Z'],
    ['12 marca 2024 r., godz. 14:05', 'Europe/Warsaw', '2024-03-12T13:05:00.000Z'],
    ['12 марта 2024', 'Europe/Moscow', '2024-03-11T21:00:00.000Z'],
    ['12 марта 2024 г., 14:05', 'Europe/Moscow', '2024-03-12T11:05:00.000Z'],
    ['12 березня 2024', 'Europe/Kyiv', '2024-03-11T22:00:00.000Z'],
    ['March 12, 2024', 'UTC', '2024-03-12T00:00:00.000Z'],
    ['Published March 12, 2024 at 2:05 pm', 'UTC', '2024-03-12T14:05:00.000Z'],
    ['12.03.2024 14:05', 'Europe/Bucharest', '2024-03-12T12:05:00.000Z'],
    ['Actualizat la 2024-03-12', 'UTC', '2024-03-12T00:00:00.000Z'],
  ];
  it.each(cases)('%s (%s)', (text, timeZone, expected) => {
    expect(parseTextDate(text, timeZone)).toBe(expected);
  });

  it('finds no date where there is none', () => {
    expect(parseTextDate('Ana are 12 mere și 2024 de pere', 'UTC')).toBeNull();
  });

  it('takes a clock time printed before the date, or a named one after it', () => {
    expect(parseTextDate('2:21 p.m., December 11, 2014', 'UTC')).toBe('2014-12-11T14:21:00.000Z');
    expect(parseTextDate('14:05, 12 martie 2024', 'Europe/Bucharest')).toBe('2024-03-12T12:05:00.000Z');
    expect(parseTextDate('1 a.m 20.07.2021', 'UTC')).toBe('2021-07-20T01:00:00.000Z');
    expect(parseTextDate('November 19, 2014 at noon', 'UTC')).toBe('2014-11-19T12:00:00.000Z');
    // A number before the date that is not a clock time changes nothing.
    expect(parseTextDate('Nr. 12, 3 iulie 2024', 'UTC')).toBe('2024-07-03T00:00:00.000Z');
  });

  describe('a day and month without a year, read against the fetch time', () => {
    const fetchedAt = '2024-03-13T10:00:00.000Z';
    it('is in the year of the fetch, with its clock time, in the source time zone', () => {
      expect(parseTextDate('26 февраля, 14:05', 'Europe/Moscow', fetchedAt)).toBe('2024-02-26T11:05:00.000Z');
      expect(parseTextDate('12 marca, godz. 9:30', 'Europe/Warsaw', fetchedAt)).toBe(
        '2024-03-12T08:30:00.000Z',
      );
      expect(parseTextDate('March 12', 'UTC', fetchedAt)).toBe('2024-03-12T00:00:00.000Z');
    });
    it('is in the year before when the fetch year would put it in the future', () => {
      expect(parseTextDate('30 decembrie, 23:10', 'Europe/Bucharest', fetchedAt)).toBe(
        '2023-12-30T21:10:00.000Z',
      );
    });
    it('is not read without a fetch time, and a full date wins over it', () => {
      expect(parseTextDate('26 февраля', 'UTC')).toBeNull();
      expect(parseTextDate('3 martie (actualizat 12 martie 2024)', 'UTC', fetchedAt)).toBe(
        '2024-03-12T00:00:00.000Z',
      );
    });
  });
});

describe('parseRelativeDate', () => {
  const fetchedAt = '2024-03-13T10:00:00.000Z';
  it('counts back from the fetch time', () => {
    expect(parseRelativeDate('acum 3 ore', fetchedAt, 'UTC')).toBe('2024-03-13T07:00:00.000Z');
    expect(parseRelativeDate('2 godz. temu', fetchedAt, 'UTC')).toBe('2024-03-13T08:00:00.000Z');
    expect(parseRelativeDate('15 минут назад', fetchedAt, 'UTC')).toBe('2024-03-13T09:45:00.000Z');
  });
  it('reads "yesterday" with a clock time in the source time zone', () => {
    expect(parseRelativeDate('вчера, 14:05', fetchedAt, 'Europe/Moscow')).toBe('2024-03-12T11:05:00.000Z');
    expect(parseRelativeDate('ieri', fetchedAt, 'Europe/Bucharest')).toBe('2024-03-11T22:00:00.000Z');
  });
  it('reads "just now" as the fetch time', () => {
    for (const text of ['just now', 'chiar acum', 'przed chwilą', 'только что', 'щойно'])
      expect(parseRelativeDate(text, fetchedAt, 'UTC'), text).toBe(fetchedAt);
  });
  it('reads a bare clock time (parseClockTime) as today, or yesterday when today it has not come yet', () => {
    expect(parseClockTime('11:05', fetchedAt, 'Europe/Bucharest')).toBe('2024-03-13T09:05:00.000Z');
    expect(parseClockTime(' 9:30 am ', fetchedAt, 'UTC')).toBe('2024-03-13T09:30:00.000Z');
    expect(parseClockTime('23:40', fetchedAt, 'Europe/Bucharest')).toBe('2024-03-12T21:40:00.000Z');
    expect(parseClockTime('25:61', fetchedAt, 'UTC')).toBeNull();
    expect(parseClockTime('11:05, 12 martie 2024', fetchedAt, 'UTC')).toBeNull();
    expect(parseRelativeDate('11:05', fetchedAt, 'UTC')).toBeNull();
  });
  it('returns null for text without a relative date', () => {
    expect(parseRelativeDate('12 martie 2024', fetchedAt, 'UTC')).toBeNull();
    expect(parseRelativeDate('acum', fetchedAt, 'UTC')).toBeNull();
  });
});
