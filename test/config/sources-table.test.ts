import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigOrThrow, renderSourcesTable } from '../../config/index.ts';
import type { SourceConfig } from '../../config/types.ts';

const CONFIG_DIR = path.resolve(import.meta.dirname, '../../config');

describe('config/SOURCES.md', () => {
  it('equals the table rendered from config/sources (run `node scripts/render-sources-table.ts` to refresh)', async () => {
    const config = await loadConfigOrThrow({
      configDir: CONFIG_DIR,
      sourcesDir: path.join(CONFIG_DIR, 'sources'),
    });
    const committed = await readFile(path.join(CONFIG_DIR, 'SOURCES.md'), 'utf8');
    expect(committed).toBe(renderSourcesTable(config.sources));
  });
});

describe('renderSourcesTable', () => {
  it('renders one row per source with its discovery methods, escaping | in names', () => {
    const source: SourceConfig = {
      id: 'example',
      name: 'Example | News',
      country: 'pl',
      languages: ['pl', 'en'],
      homeUrl: 'https://example.org/',
      timeZone: 'Europe/Warsaw',
      verified: true,
      browser: true,
      discovery: {
        feeds: ['https://example.org/feed', 'https://example.org/feed2'],
        sitemaps: [],
        sections: [],
        siteSearch: [
          {
            urlTemplate: 'https://example.org/?s={query}',
            linkPattern: '/a/',
            languages: ['pl'],
            maxQueries: 30,
          },
        ],
      },
      rateLimit: { delayMs: 2000, maxConcurrency: 1 },
      refreshHours: 0,
      file: 'config/sources/pl/example.yaml',
    };
    const table = renderSourcesTable([source]);
    expect(table.split('\n')).toContain(
      '| `example` | Example \\| News | pl      | pl, en    | feeds 2, site search 1, browser | yes      |',
    );
    expect(table.split('\n')).toContain(
      '| --------- | --------------- | ------- | --------- | ------------------------------- | -------- |',
    );
    expect(table).toContain('1 sources, 1 verified.');
  });
});
