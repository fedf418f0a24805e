import { describe, expect, it } from 'vitest';
import { createProgressDisplay, describeProgress } from '../../app/crawl-progress-display.ts';
import type { CrawlProgress } from '../../crawlers/index.ts';

const at = (phase: CrawlProgress['phase'], fetched: number, failed = 0): CrawlProgress => ({
  sourceId: 'ro-fixture',
  phase,
  toFetch: 8,
  fetched,
  failed,
});

function sink(isTTY: boolean): { text: () => string; write: (chunk: string) => void; isTTY: boolean } {
  let written = '';
  return { isTTY, text: () => written, write: (chunk) => (written += chunk) };
}

describe('crawl progress', () => {
  it('draws a bar of pages fetched out of pages to fetch', () => {
    expect(describeProgress(at('fetching', 2, 1), 8)).toBe('ro-fixture  fetching [##------] 2/8  1 failed');
    expect(describeProgress(at('done', 8), 8)).toBe('ro-fixture  done: 8 fetched');
  });

  it('redraws one line in place on a terminal and clears it at the end', () => {
    const out = sink(true);
    const display = createProgressDisplay(out);
    display.onProgress(at('fetching', 1));
    display.onProgress(at('fetching', 2));
    display.finish();
    expect(out.text()).not.toContain('\n');
    expect(
      out
        .text()
        .split('\r\x1b[2K')
        .filter((part) => part !== ''),
    ).toEqual([
      'ro-fixture  fetching [###---------------------] 1/8',
      'ro-fixture  fetching [######------------------] 2/8',
    ]);
  });

  it('writes plain lines elsewhere: at each phase change, then at most every 10 s', () => {
    const out = sink(false);
    let now = 0;
    const display = createProgressDisplay(out, () => now);
    display.onProgress(at('discovering', 0));
    display.onProgress(at('fetching', 0));
    display.onProgress(at('fetching', 1));
    now = 10_000;
    display.onProgress(at('fetching', 5));
    display.onProgress(at('done', 8));
    expect(
      out
        .text()
        .split('\n')
        .filter((line) => line !== ''),
    ).toEqual([
      'crawl ro-fixture  discovering links…',
      'crawl ro-fixture  fetching [----------] 0/8',
      'crawl ro-fixture  fetching [######----] 5/8',
      'crawl ro-fixture  done: 8 fetched',
    ]);
    expect(out.text()).not.toContain('\r');
  });
});
