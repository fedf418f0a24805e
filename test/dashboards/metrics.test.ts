import { describe, expect, it } from 'vitest';
import { formatMetrics, runMetrics } from '../../dashboards/server/metrics.ts';
import type { RunRecord } from '../../indexer/index.ts';

const run = (finishedAt: string, sources: unknown[]): RunRecord => ({
  runId: finishedAt,
  kind: 'crawl',
  status: 'ok',
  startedAt: finishedAt,
  finishedAt,
  sourceIds: [],
  report: { sources },
});

const part = (
  sourceId: string,
  fetched: number,
  failed: number,
  failedByReason: Record<string, number> = {},
) => ({
  crawl: { sourceId, fetched, failed, failedByReason },
  written: { indexed: fetched, spooled: 0 },
});

describe('metrics from crawl runs', () => {
  it('reports the last run per source and each source’s last successful run', () => {
    const runs = [
      run('2026-01-03T00:00:00.000Z', [part('a', 0, 2, { timeout: 2 }), part('b', 5, 0)]),
      run('2026-01-02T00:00:00.000Z', [part('a', 3, 0)]),
      run('2026-01-01T00:00:00.000Z', [{ broken: true }, part('c', 0, 1)]),
    ];
    const text = formatMetrics(runMetrics(runs));
    expect(text).toContain('pressmon_last_crawl_pages_fetched{source="a"} 0');
    expect(text).toContain('pressmon_last_crawl_failures{source="a",reason="timeout"} 2');
    expect(text).toContain('pressmon_last_crawl_articles_indexed{source="b"} 5');
    expect(text).toContain(
      `pressmon_source_last_success_timestamp_seconds{source="a"} ${Date.parse('2026-01-02') / 1000}`,
    );
    expect(text).toContain(
      `pressmon_source_last_success_timestamp_seconds{source="b"} ${Date.parse('2026-01-03') / 1000}`,
    );
    expect(text).not.toContain('source="c"}');
  });

  it('escapes label values and writes HELP and TYPE lines', () => {
    const text = formatMetrics([
      { name: 'm', help: 'help', type: 'gauge', samples: [{ labels: { source: 'a"b\\c\nd' }, value: 1 }] },
    ]);
    expect(text).toBe('# HELP m help\n# TYPE m gauge\nm{source="a\\"b\\\\c\\nd"} 1\n');
  });

  it('has nothing to say without runs', () => {
    expect(formatMetrics(runMetrics([]))).not.toMatch(/^pressmon_\w+\{/m);
  });
});
