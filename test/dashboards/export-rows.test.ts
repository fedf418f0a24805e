import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, csvHeader, csvRow } from '../../dashboards/server/export-rows.ts';
import { makeArticle } from '../indexer/make-article.ts';

describe('CSV export rows', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3.5)).toBe('3.5');
  });

  it.each(['=HYPERLINK("http://evil")', '+1', '-2+3', '@SUM(A1)', '\tx'])(
    'never lets a spreadsheet run crawled text as a formula: %s',
    (text) => {
      expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
    },
  );

  it('writes one line per article with every column', () => {
    const article = makeArticle({ title: 'Titlu, cu virgulă' });
    const row = csvRow({
      ...article,
      firstSeenAt: null,
      indexedAt: '2024-05-02T09:00:00.000Z',
      contentModifiedAt: null,
      contentHashHistory: [],
    });
    expect(row.endsWith('\r\n')).toBe(true);
    expect(row).toContain('"Titlu, cu virgulă"');
    expect(row).toContain(',asylum,');
    expect(csvHeader().trimEnd().split(',')).toEqual([...CSV_COLUMNS]);
  });
});
