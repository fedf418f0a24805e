import { describe, expect, it } from 'vitest';
import {
  decodeCursor,
  encodeCursor,
  filterClauses,
  type SearchRequest,
  searchFields,
  textQuery,
  validateSearchRequest,
} from '../../indexer/search-query.ts';

const valid: SearchRequest = { query: 'refugiați', sort: 'relevance', size: 10 };

function messageOf(request: SearchRequest): string | null {
  const result = validateSearchRequest(request);
  return result.ok ? null : result.message;
}

describe('validateSearchRequest', () => {
  it('accepts a plain request', () => {
    expect(validateSearchRequest(valid)).toEqual({ ok: true });
    expect(
      validateSearchRequest({
        ...valid,
        languages: ['ro', 'pl'],
        topics: ['asylum', 'ukraine_displacement'],
        sources: ['digi24-ro'],
        countries: ['md'],
        from: '2024-01-01',
        to: '2024-06-30T23:59:59Z',
        timeZone: 'Europe/Warsaw',
      }),
    ).toEqual({ ok: true });
  });

  it('rejects sizes outside 1..100 and fractions', () => {
    for (const size of [0, -1, 101, 1.5, Number.NaN]) {
      expect(messageOf({ ...valid, size })).toMatch(/size must be a whole number from 1 to 100/);
    }
    expect(messageOf({ ...valid, size: 100 })).toBeNull();
  });

  it('rejects an unknown sort', () => {
    expect(messageOf({ ...valid, sort: 'random' as SearchRequest['sort'] })).toMatch(/sort must be/);
  });

  it('rejects filter values that are not codes or ids', () => {
    expect(messageOf({ ...valid, languages: ['Romanian'] })).toMatch(/languages: "Romanian"/);
    expect(messageOf({ ...valid, topics: ['asylum OR 1'] })).toMatch(/topics/);
  });

  it('rejects dates that do not exist and ranges in the wrong order', () => {
    expect(messageOf({ ...valid, from: 'yesterday' })).toMatch(/from must be a date/);
    expect(messageOf({ ...valid, to: '2024-02-30' })).toMatch(/to must be a date/);
    expect(messageOf({ ...valid, from: '2024-05-02', to: '2024-05-01' })).toMatch(/after/);
  });

  it('rejects an unknown time zone and a too long query', () => {
    expect(messageOf({ ...valid, timeZone: 'Mars/Olympus' })).toMatch(/timeZone/);
    expect(messageOf({ ...valid, query: 'a '.repeat(1_001) })).toMatch(/too long/);
  });

  it('accepts its own cursors only', () => {
    expect(messageOf({ ...valid, searchAfter: encodeCursor([1.5, 1714636800000, 'abc']) })).toBeNull();
    expect(messageOf({ ...valid, searchAfter: 'not-a-cursor' })).toMatch(/searchAfter/);
  });
});

describe('textQuery', () => {
  it('sends user text to simple_query_string over the allow-list, all words required', () => {
    const query = textQuery('"centru nou" -Cluj refug*');
    expect(query).not.toHaveProperty('query_string');
    expect(query.simple_query_string).toMatchObject({
      query: '"centru nou" -Cluj refug*',
      default_operator: 'and',
      fields: searchFields(),
    });
    expect(query.simple_query_string?.flags).not.toMatch(/FUZZY|SLOP|NEAR|ALL/);
  });

  it('reaches every language key of title, lead and body, the title weighing most', () => {
    const fields = searchFields();
    expect(fields).toContain('title.ro^3');
    expect(fields).toContain('body.pl.folded^0.7');
    expect(fields).toContain('lead.default^2');
    expect(fields.every((field) => /^(title|lead|body)\.[a-z]+(\.folded)?\^[\d.]+$/.test(field))).toBe(true);
  });

  it('matches everything for an empty query', () => {
    expect(textQuery('  ')).toEqual({ match_all: {} });
  });
});

describe('filterClauses', () => {
  it('turns filters into keyword terms and a published_at range covering the whole last day', () => {
    expect(
      filterClauses({ languages: ['ro'], countries: ['md', 'ro'], from: '2024-05-01', to: '2024-05-31' }),
    ).toEqual([
      { terms: { 'language.code': ['ro'] } },
      { terms: { 'source.country': ['md', 'ro'] } },
      { range: { published_at: { gte: '2024-05-01', lte: '2024-05-31||/d' } } },
    ]);
  });

  it('adds nothing for empty filters', () => {
    expect(filterClauses({ topics: [] })).toEqual([]);
  });
});

describe('cursors', () => {
  it('round-trip the sort values of a hit', () => {
    expect(decodeCursor(encodeCursor([null, 'abc']))).toEqual([null, 'abc']);
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toBeNull();
  });
});
