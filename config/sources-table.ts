import type { SourceConfig } from './types.ts';

const HEADER = [
  '# Sources',
  '',
  'Generated from `config/sources/<country>/<id>.yaml` by `node scripts/render-sources-table.ts`; do not edit by',
  'hand. A test fails when this table and the files disagree. "verified" means a crawl has reached the outlet',
  'with these settings; until then the URLs are as best known.',
  '',
];

const COLUMNS = ['id', 'name', 'country', 'languages', 'discovery', 'verified'];

/** The Markdown table of `config/SOURCES.md`, one row per source in the order given. */
export function renderSourcesTable(sources: readonly SourceConfig[]): string {
  const rows = sources.map((source) => [
    `\`${source.id}\``,
    escapeCell(source.name),
    source.country,
    source.languages.join(', '),
    describeDiscovery(source),
    source.verified ? 'yes' : 'no',
  ]);
  const total = `${sources.length} sources, ${sources.filter((source) => source.verified).length} verified.`;
  return `${[...HEADER, ...renderTable(COLUMNS, rows), '', total].join('\n')}\n`;
}

// Columns padded to equal width, as the repository's Markdown formatter (biome) writes tables, so that
// formatting the generated file changes nothing.
function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(3, [...title].length, ...rows.map((row) => [...(row[column] ?? '')].length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd((widths[column] ?? 0) + cell.length - [...cell].length)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

/** `feeds 2, sitemaps 1, sections 3, site search 1, browser`: the methods a source uses. */
function describeDiscovery(source: SourceConfig): string {
  const { feeds, sitemaps, sections, siteSearch } = source.discovery;
  const parts = [
    ['feeds', feeds.length],
    ['sitemaps', sitemaps.length],
    ['sections', sections.length],
    ['site search', siteSearch.length],
  ] as const;
  const methods = parts.filter(([, count]) => count > 0).map(([name, count]) => `${name} ${count}`);
  return [...methods, ...(source.browser ? ['browser'] : [])].join(', ');
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}
