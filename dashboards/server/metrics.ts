import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { countArticles, countSpooled, latestRuns, type RunRecord } from '../../indexer/index.ts';
import { articleIndexingStats } from '../../indexer/index-stats.ts';

/** Crawl runs read to find each source's last successful run. */
const RUNS_EXAMINED = 50;

/** One source's part of a crawl run report, as far as metrics read it (the report is stored as-is). */
interface SourceRunPart {
  readonly crawl: {
    readonly sourceId: string;
    readonly fetched: number;
    readonly failed: number;
    readonly failedByReason: Readonly<Record<string, number>>;
  };
  readonly written?: { readonly indexed: number; readonly spooled: number };
}

export interface MetricsInput {
  readonly client: Client;
  readonly indexPrefix: string;
  readonly dataDir: string;
}

interface Sample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

interface Metric {
  readonly name: string;
  readonly help: string;
  readonly type: 'gauge' | 'counter';
  readonly samples: readonly Sample[];
}

/**
 * The Prometheus text exposition of pressmon's state: Elasticsearch up,
 * articles in the index and Elasticsearch's indexing time, the spool backlog,
 * and from the crawl runs recorded in `<prefix>-runs`: the last run's pages
 * fetched, failures by reason and articles indexed per source, and each
 * source's last successful run. Never throws for an unreachable cluster.
 */
export async function renderMetrics(input: MetricsInput): Promise<string> {
  const spooled = await countSpooled(path.join(input.dataDir, 'spool'));
  const metrics: Metric[] = [
    gauge('pressmon_spool_articles', 'Articles waiting in the on-disk spool to be indexed', [
      { labels: {}, value: spooled },
    ]),
  ];
  try {
    const [articles, stats, runs] = await Promise.all([
      countArticles(input.client, input.indexPrefix),
      articleIndexingStats(input.client, input.indexPrefix),
      latestRuns(input.client, input.indexPrefix, 'crawl', RUNS_EXAMINED),
    ]);
    metrics.push(
      gauge('pressmon_elasticsearch_up', 'Whether Elasticsearch answered (1) or not (0)', [
        { labels: {}, value: 1 },
      ]),
      gauge('pressmon_articles_indexed', 'Articles in the articles index', [{ labels: {}, value: articles }]),
      counter(
        'pressmon_index_operations_total',
        'Index operations on the articles index since its shards started',
        [{ labels: {}, value: stats.operations }],
      ),
      counter('pressmon_index_time_seconds_total', 'Time Elasticsearch spent indexing articles', [
        { labels: {}, value: stats.timeMs / 1000 },
      ]),
      gauge('pressmon_index_latency_seconds', 'Mean time per index operation on the articles index', [
        { labels: {}, value: stats.operations === 0 ? 0 : stats.timeMs / 1000 / stats.operations },
      ]),
      ...runMetrics(runs),
    );
  } catch {
    metrics.push(
      gauge('pressmon_elasticsearch_up', 'Whether Elasticsearch answered (1) or not (0)', [
        { labels: {}, value: 0 },
      ]),
    );
  }
  return formatMetrics(metrics);
}

/** The metrics derived from crawl runs, newest first. */
export function runMetrics(runs: readonly RunRecord[]): Metric[] {
  const latest = runs[0];
  const lastParts = latest === undefined ? [] : sourceParts(latest);
  const lastSuccess = new Map<string, number>();
  for (const run of runs) {
    for (const part of sourceParts(run)) {
      const succeeded = part.crawl.fetched > 0 || part.crawl.failed === 0;
      const at = Date.parse(run.finishedAt) / 1000;
      if (succeeded && !lastSuccess.has(part.crawl.sourceId) && Number.isFinite(at))
        lastSuccess.set(part.crawl.sourceId, at);
    }
  }
  const perSource = (value: (part: SourceRunPart) => number): Sample[] =>
    lastParts.map((part) => ({ labels: { source: part.crawl.sourceId }, value: value(part) }));
  return [
    gauge(
      'pressmon_last_crawl_timestamp_seconds',
      'When the last crawl run finished (Unix time), by its status',
      latest === undefined
        ? []
        : [{ labels: { status: latest.status }, value: Date.parse(latest.finishedAt) / 1000 }],
    ),
    gauge(
      'pressmon_last_crawl_pages_fetched',
      'Pages fetched per source in the last crawl run',
      perSource((part) => part.crawl.fetched),
    ),
    gauge(
      'pressmon_last_crawl_failures',
      'Failed URLs per source and reason in the last crawl run',
      lastParts.flatMap((part) =>
        Object.entries(part.crawl.failedByReason ?? {}).map(([reason, count]) => ({
          labels: { source: part.crawl.sourceId, reason },
          value: count,
        })),
      ),
    ),
    gauge(
      'pressmon_last_crawl_articles_indexed',
      'Articles indexed per source in the last crawl run',
      perSource((part) => part.written?.indexed ?? 0),
    ),
    gauge(
      'pressmon_source_last_success_timestamp_seconds',
      'When each source last had a crawl run that fetched pages or did not fail (Unix time)',
      [...lastSuccess].map(([source, at]) => ({ labels: { source }, value: at })),
    ),
  ];
}

/** Prometheus text format 0.0.4: HELP, TYPE, then one line per sample. */
export function formatMetrics(metrics: readonly Metric[]): string {
  const lines: string[] = [];
  for (const metric of metrics) {
    lines.push(`# HELP ${metric.name} ${metric.help}`, `# TYPE ${metric.name} ${metric.type}`);
    for (const sample of metric.samples) {
      const labels = Object.entries(sample.labels).map(([key, value]) => `${key}="${escapeLabel(value)}"`);
      lines.push(
        `${metric.name}${labels.length > 0 ? `{${labels.join(',')}}` : ''} ${formatValue(sample.value)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function sourceParts(run: RunRecord): SourceRunPart[] {
  const sources = (run.report as { sources?: unknown } | null | undefined)?.sources;
  if (!Array.isArray(sources)) return [];
  return sources.filter(
    (part): part is SourceRunPart =>
      typeof part === 'object' &&
      part !== null &&
      typeof (part as SourceRunPart).crawl?.sourceId === 'string' &&
      typeof (part as SourceRunPart).crawl.fetched === 'number' &&
      typeof (part as SourceRunPart).crawl.failed === 'number',
  );
}

function gauge(name: string, help: string, samples: readonly Sample[]): Metric {
  return { name, help, type: 'gauge', samples };
}

function counter(name: string, help: string, samples: readonly Sample[]): Metric {
  return { name, help, type: 'counter', samples };
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return String(value);
}
