import { describe, expect, it } from 'vitest';
import { sourceFileSchema } from '../../config/schemas/source.ts';

const SOURCE = {
  id: 'hotnews',
  name: 'HotNews.ro',
  country: 'ro',
  languages: ['ro'],
  homeUrl: 'https://hotnews.ro/',
  discovery: { feeds: ['https://hotnews.ro/feed'] },
};
const SITE_SEARCH = [
  { urlTemplate: 'https://hotnews.ro/?s={query}', linkPattern: '^https://hotnews\\.ro/', languages: ['ro'] },
];

function scheduleProblems(source: Record<string, unknown>): string[] {
  const parsed = sourceFileSchema.safeParse(source);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('a source schedule', () => {
  it('may run several times a day for a source read through feeds, sitemaps and listing pages', () => {
    expect(scheduleProblems({ ...SOURCE, schedule: '0 */4 * * *' })).toEqual([]);
  });

  it('runs at most daily for sources that render pages in a browser or use site search', () => {
    expect(scheduleProblems({ ...SOURCE, browser: true, schedule: '0 6,18 * * *' })).toEqual([
      'schedule: runs more than once a day, which only feed, sitemap and section sources may; this source uses browser: true: crawl it at most daily (e.g. "0 6 * * *")',
    ]);
    expect(
      scheduleProblems({
        ...SOURCE,
        discovery: { ...SOURCE.discovery, siteSearch: SITE_SEARCH },
        schedule: '*/30 * * * *',
      }),
    ).toHaveLength(1);
    expect(scheduleProblems({ ...SOURCE, browser: true, schedule: '0 6 * * 1-5' })).toEqual([]);
  });
});
