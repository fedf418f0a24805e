import { describe, expect, it } from 'vitest';
import {
  parseFilterParams,
  parseSearchParams,
  queryParamsOf,
  toSearchParams,
} from '../../dashboards/server/search-params.ts';

describe('search parameters: the page address and the API say the same thing', () => {
  it('reads a search with repeated filters, and writes it back', () => {
    const parsed = parseSearchParams(
      queryParamsOf(
        'q=refugiați&lang=ro&lang=pl&org=cnrr&frame=crime&place=iasi&from=2025-01-01&to=2025-02-01',
      ),
      'Europe/Bucharest',
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        query: 'refugiați',
        sort: 'relevance',
        size: 20,
        languages: ['ro', 'pl'],
        organisations: ['cnrr'],
        frames: ['crime'],
        places: ['iasi'],
        from: '2025-01-01',
        to: '2025-02-01',
        timeZone: 'Europe/Bucharest',
      },
    });
    if (!parsed.ok) return;
    expect(toSearchParams(parsed.value)).toBe(
      'q=refugia%C8%9Bi&sort=relevance&lang=ro&lang=pl&org=cnrr&place=iasi&frame=crime&from=2025-01-01&to=2025-02-01',
    );
  });

  it('sorts by date when there is no query', () => {
    const parsed = parseSearchParams({}, 'UTC');
    expect(parsed.ok && parsed.value.sort).toBe('date');
  });

  it.each([
    ['size=1e2', 'size'],
    ['size=-1', 'size'],
    ['sort=a&sort=b', 'only once'],
    ['from=01.02.2025', 'from'],
    ['place=%C8%99', 'places'],
  ])('refuses %s', (query, words) => {
    const parsed = parseSearchParams(queryParamsOf(query), 'UTC');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(words);
  });

  it('reads filters alone for trends and exports', () => {
    expect(parseFilterParams(queryParamsOf('country=md&topic=asylum'), 'UTC')).toEqual({
      ok: true,
      value: { countries: ['md'], topics: ['asylum'], timeZone: 'UTC' },
    });
  });
});
