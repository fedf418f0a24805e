import type { StatusReport } from './status.ts';

/** Consecutive failing or silent runs after which a source is flagged. */
export const DEFAULT_ALERT_RUNS = 3;

/** The status as a few readable lines, flagged sources last. */
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
  return lines.join('\n');
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
