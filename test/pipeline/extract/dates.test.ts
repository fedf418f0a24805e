import { describe, expect, it } from 'vitest';
import { parseMetadataDate, parseRelativeDate, parseTextDate } from '../../../pipeline/extract/index.ts';

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
  it('returns null for text without a relative date', () => {
    expect(parseRelativeDate('12 martie 2024', fetchedAt, 'UTC')).toBeNull();
  });
});
