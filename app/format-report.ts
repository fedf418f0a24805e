import type { CrawlRunReport, SourceRunReport } from './run-crawl.ts';

const MAX_FAILURES_SHOWN = 5;

/** The run report as a terminal table: one row per source, then each source's failures. */
export function formatCrawlReport(report: CrawlRunReport): string {
  const header = [
    'source',
    'discovered',
    'fetched',
    'known',
    '304',
    'blocked',
    'failed',
    'articles',
    'migration',
    'indexed',
    'spooled',
  ];
  const rows = report.sources.map((source) =>
    [
      source.crawl.sourceId,
      source.crawl.discovered,
      source.crawl.fetched,
      source.crawl.skippedKnown,
      source.crawl.listingsNotModified,
      source.crawl.blocked,
      source.crawl.failed,
      source.articles,
      source.migrationRelated,
      source.written.indexed,
      source.written.spooled,
    ].map(String),
  );
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  const seconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
  const out = [
    `Crawl run ${report.runId}: ${report.status} (${seconds.toFixed(1)} s)`,
    ...(report.replayed.indexed + report.replayed.spooled > 0
      ? [`Spool replayed: ${report.replayed.indexed} indexed, ${report.replayed.spooled} still spooled`]
      : []),
    line(header),
    ...rows.map(line),
  ];
  for (const source of report.sources) out.push(...describeProblems(source));
  return out.join('\n');
}

function describeProblems(source: SourceRunReport): string[] {
  const lines: string[] = [];
  for (const flag of source.health.flags)
    lines.push(`${source.crawl.sourceId}: HEALTH ${flag.kind}: ${flag.message}`);
  const notArticles = Object.entries(source.notArticles).map(([reason, count]) => `${reason} ${count}`);
  if (notArticles.length > 0) lines.push(`${source.crawl.sourceId}: not articles: ${notArticles.join(', ')}`);
  for (const failure of source.crawl.failures.slice(0, MAX_FAILURES_SHOWN)) {
    lines.push(`${source.crawl.sourceId}: ${failure.reason}: ${failure.message}`);
  }
  const more = source.crawl.failures.length - MAX_FAILURES_SHOWN;
  if (more > 0) lines.push(`${source.crawl.sourceId}: … and ${more} more failures (--json lists all)`);
  return lines;
}

/**
 * Exit code of a crawl run for cron and scripts: 1 when a source failed
 * entirely (nothing fetched, something failed), else 0.
 */
export function exitCodeForCrawl(report: CrawlRunReport): number {
  return report.sources.some((source) => source.crawl.fetched === 0 && source.crawl.failed > 0) ? 1 : 0;
}
