import { describe, expect, it } from 'vitest';
import { formatStatus } from '../../app/format-status.ts';
import { type StatusReport, sourceHealth } from '../../app/status.ts';
import type { RunRecord } from '../../indexer/index.ts';

function run(
  startedAt: string,
  sources: Record<string, { discovered: number; fetched: number; failed: number }>,
): RunRecord {
  return {
    runId: `crawl-${startedAt}`,
    kind: 'crawl',
    status: 'partial',
    startedAt,
    finishedAt: startedAt,
    sourceIds: Object.keys(sources),
    report: {
      sources: Object.entries(sources).map(([sourceId, counts]) => ({ crawl: { sourceId, ...counts } })),
    },
  };
}

// Newest first, as latestRuns returns them.
const RUNS = [
  run('2026-11-24', {
    hotnews: { discovered: 0, fetched: 0, failed: 2 },
    oko: { discovered: 0, fetched: 0, failed: 0 },
  }),
  run('2026-11-23', {
    hotnews: { discovered: 0, fetched: 0, failed: 1 },
    oko: { discovered: 0, fetched: 0, failed: 0 },
  }),
  run('2026-11-22', {
    hotnews: { discovered: 0, fetched: 0, failed: 1 },
    oko: { discovered: 12, fetched: 12, failed: 0 },
  }),
  run('2026-11-21', { hotnews: { discovered: 30, fetched: 30, failed: 0 } }),
];

describe('source health over the latest runs', () => {
  it('counts the runs in a row in which a source fetched nothing and failed', () => {
    expect(sourceHealth('hotnews', RUNS)).toEqual({
      sourceId: 'hotnews',
      lastRunAt: '2026-11-24',
      lastStatus: 'failed',
      lastDiscovered: 0,
      lastFetched: 0,
      lastFailed: 2,
      lastArticles: 0,
      failingRuns: 3,
      silentRuns: 0,
      lastFlags: [],
    });
  });

  it("keeps the health flags of the source's last run", () => {
    const blocked = { kind: 'blocked', message: '1 listing answered with a block page or 403' } as const;
    const flaggedRun: RunRecord = {
      ...run('2026-11-25', { hotnews: { discovered: 0, fetched: 0, failed: 1 } }),
      report: {
        sources: [
          {
            crawl: { sourceId: 'hotnews', discovered: 0, fetched: 0, failed: 1 },
            health: { flags: [blocked] },
          },
        ],
      },
    };
    expect(sourceHealth('hotnews', [flaggedRun, ...RUNS]).lastFlags).toEqual([blocked]);
    expect(sourceHealth('hotnews', RUNS.slice(1)).lastFlags).toEqual([]);
  });

  it('counts the runs in a row in which a source found nothing at all (silent blocking)', () => {
    expect(sourceHealth('oko', RUNS)).toMatchObject({ failingRuns: 0, silentRuns: 2 });
  });

  it('knows nothing of a source no run included', () => {
    expect(sourceHealth('new-outlet', RUNS)).toMatchObject({
      lastRunAt: null,
      failingRuns: 0,
      silentRuns: 0,
    });
  });
});

describe('formatStatus', () => {
  const status: StatusReport = {
    elasticsearch: { reachable: true, url: 'http://127.0.0.1:9200', health: 'green', version: '8.19.21' },
    indices: [{ name: 'pressmon-articles-v1', docs: 1234, bytes: 5 * 1024 * 1024 }],
    spooled: 2,
    lastCrawl: {
      runId: 'crawl-1',
      status: 'partial',
      startedAt: '2026-11-24T05:00:00Z',
      finishedAt: '2026-11-24T05:10:00Z',
    },
    jobs: [
      {
        jobId: 'crawl:hotnews',
        schedule: '0 6 * * *',
        timeZone: 'Europe/Bucharest',
        lastRun: {
          runId: 'crawl-1',
          status: 'failed',
          startedAt: '2026-11-24T04:00:00Z',
          finishedAt: '2026-11-24T04:01:00Z',
          interrupted: false,
        },
        nextAt: '2026-11-25T04:00:00.000Z',
      },
      {
        jobId: 'digest:Europe/Warsaw',
        schedule: '0 7 * * 1',
        timeZone: 'Europe/Warsaw',
        lastRun: null,
        nextAt: '2026-11-30T06:00:00.000Z',
      },
    ],
    sources: [sourceHealth('hotnews', RUNS), sourceHealth('oko', RUNS)],
  };

  it('flags sources failing or silent for the given number of runs', () => {
    const text = formatStatus(status, 2);
    expect(text).toContain('Elasticsearch 8.19.21 at http://127.0.0.1:9200: green');
    expect(text).toContain('pressmon-articles-v1: 1234 documents, 5.0 MB');
    expect(text).toContain('Spool: 2 article(s) waiting');
    expect(text).toContain('ALERT hotnews: failing for 3 runs in a row');
    expect(text).toContain('ALERT oko: silent (nothing discovered) for 2 runs in a row');
  });

  it('shows the last run of each job and when it is next due', () => {
    const text = formatStatus(status);
    expect(text).toMatch(
      /crawl:hotnews\s+0 6 \* \* \*\s+Europe\/Bucharest\s+2026-11-24T04:00:00Z\s+failed\s+2026-11-25/,
    );
    expect(text).toMatch(
      /digest:Europe\/Warsaw\s+0 7 \* \* 1\s+Europe\/Warsaw\s+never\s+-\s+2026-11-30T06:00/,
    );
  });

  it('shows the last run of each source: status and counts', () => {
    const text = formatStatus(status);
    expect(text).toMatch(/hotnews\s+2026-11-24\s+failed\s+0\s+0\s+2\s+0/);
    expect(text).toMatch(/oko\s+2026-11-24\s+ok\s+0\s+0\s+0\s+0/);
  });

  it("shows each source's health flags of its last run, in the table and with their reasons", () => {
    const [hotnews, oko] = status.sources;
    if (hotnews === undefined || oko === undefined) throw new Error('fixture sources missing');
    const flagged: StatusReport = {
      ...status,
      sources: [
        {
          ...hotnews,
          lastFlags: [
            { kind: 'volume-zero', message: 'found no links (usually 30 over 3 runs)' },
            {
              kind: 'blocked',
              message: '1 listing answered with a block page or 403 (https://h.example/rss)',
            },
          ],
        },
        oko,
      ],
    };
    const text = formatStatus(flagged);
    expect(text).toMatch(/hotnews\s+2026-11-24\s+failed\s+0\s+0\s+2\s+0\s+volume-zero,blocked/);
    expect(text).toMatch(/oko\s+2026-11-24\s+ok\s+0\s+0\s+0\s+0\s+-/);
    expect(text).toContain('HEALTH hotnews: volume-zero: found no links (usually 30 over 3 runs)');
    expect(text).toContain(
      'HEALTH hotnews: blocked: 1 listing answered with a block page or 403 (https://h.example/rss)',
    );
    expect(formatStatus(status)).not.toContain('HEALTH');
  });

  it('flags nobody below the threshold', () => {
    expect(formatStatus(status, 4)).toContain('Sources: none failing or silent for 4 runs');
  });

  it('says when Elasticsearch cannot be reached', () => {
    const down: StatusReport = {
      ...status,
      elasticsearch: { reachable: false, url: 'http://127.0.0.1:9200', reason: 'connect ECONNREFUSED' },
    };
    expect(formatStatus(down)).toMatch(
      /^Elasticsearch at http:\/\/127\.0\.0\.1:9200: UNREACHABLE \(connect ECONNREFUSED\)/,
    );
  });
});
