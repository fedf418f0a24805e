import type { JobStatus, SourceHealth, StatusReport } from './status.ts';

/** Consecutive failing or silent runs after which a source is flagged. */
export const DEFAULT_ALERT_RUNS = 3;

/**
 * The status as readable lines: cluster, indices, spool, jobs, sources, then
 * flagged sources last (failing or silent for runs in a row, then the health
 * flags of each source's last run).
 */
export function formatStatus(status: StatusReport, alertRuns = DEFAULT_ALERT_RUNS): string {
  const es = status.elasticsearch;
  const lines = [
    es.reachable
      ? `Elasticsearch ${es.version} at ${es.url}: ${es.health}`
      : `Elasticsearch at ${es.url}: UNREACHABLE (${es.reason})`,
  ];
  for (const index of status.indices) {
    lines.push(`  ${index.name}: ${index.docs} documents, ${formatBytes(index.bytes)}`);
  }
  lines.push(
    status.spooled === 0
      ? 'Spool: empty'
      : `Spool: ${status.spooled} article(s) waiting; \`pressmon index --replay\` re-sends them`,
  );
  const crawl = status.lastCrawl;
  lines.push(
    crawl === null
      ? 'Last crawl: none recorded'
      : `Last crawl: ${crawl.runId} ${crawl.status}, finished ${crawl.finishedAt}`,
  );
  if (status.jobs.length > 0) lines.push('Jobs:', ...table(jobRows(status.jobs)));
  if (status.sources.length > 0) lines.push('Sources (last run):', ...table(sourceRows(status.sources)));
  const flagged = status.sources.filter(
    (source) => source.failingRuns >= alertRuns || source.silentRuns >= alertRuns,
  );
  for (const source of flagged) {
    const what =
      source.failingRuns >= alertRuns
        ? `failing for ${source.failingRuns} runs in a row`
        : `silent (nothing discovered) for ${source.silentRuns} runs in a row`;
    lines.push(`ALERT ${source.sourceId}: ${what}`);
  }
  if (crawl !== null && flagged.length === 0)
    lines.push(`Sources: none failing or silent for ${alertRuns} runs`);
  for (const source of status.sources)
    for (const flag of source.lastFlags)
      lines.push(`HEALTH ${source.sourceId}: ${flag.kind}: ${flag.message}`);
  return lines.join('\n');
}

function jobRows(jobs: readonly JobStatus[]): string[][] {
  return [
    ['job', 'schedule', 'time zone', 'last run', 'status', 'next'],
    ...jobs.map((job) => [
      job.jobId,
      job.schedule,
      job.timeZone,
      job.lastRun?.startedAt ?? 'never',
      job.lastRun === null ? '-' : job.lastRun.interrupted ? 'interrupted' : job.lastRun.status,
      job.nextAt ?? '-',
    ]),
  ];
}

function sourceRows(sources: readonly SourceHealth[]): string[][] {
  return [
    ['source', 'last run', 'status', 'discovered', 'fetched', 'failed', 'articles', 'flags'],
    ...sources.map((source) => [
      source.sourceId,
      source.lastRunAt ?? 'never',
      source.lastStatus ?? '-',
      String(source.lastDiscovered),
      String(source.lastFetched),
      String(source.lastFailed),
      String(source.lastArticles),
      source.lastFlags.map((flag) => flag.kind).join(',') || '-',
    ]),
  ];
}

/** Rows as aligned columns, indented by two spaces; numbers right-aligned. */
function table(rows: readonly string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows.map(
    (row) =>
      `  ${row
        .map((cell, column) =>
          /^\d+$/.test(cell) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd()}`,
  );
}

function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
