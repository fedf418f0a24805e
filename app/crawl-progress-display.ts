import type { CrawlProgress } from '../crawlers/index.ts';

/** Where progress is written: stderr, or anything with `write` (tests). */
export interface ProgressOutput {
  write(text: string): unknown;
  /** Present and true on a terminal. */
  readonly isTTY?: boolean;
  /** Terminal width in characters. */
  readonly columns?: number;
}

/** Shows a crawl's progress; `finish` clears a bar so the report starts on a clean line. */
export interface ProgressDisplay {
  readonly onProgress: (progress: CrawlProgress) => void;
  finish(): void;
}

/** On a pipe or file, a plain line at most this often per source (and at each phase change). */
const PLAIN_LINE_EVERY_MS = 10_000;
const BAR_WIDTH = 24;

/**
 * A one-line progress bar redrawn in place when the output is a terminal,
 * else plain log lines: one when a source starts fetching, every 10 s while
 * it fetches, and one when it is done.
 */
export function createProgressDisplay(
  output: ProgressOutput,
  nowMs: () => number = Date.now,
): ProgressDisplay {
  return output.isTTY === true ? terminalBar(output) : plainLines(output, nowMs);
}

/** The text of one progress line, without colours: `ro-fixture  fetching [####----] 12/40  1 failed`. */
export function describeProgress(progress: CrawlProgress, barWidth = BAR_WIDTH): string {
  const { sourceId, phase, fetched, toFetch, failed } = progress;
  const failedText = failed > 0 ? `  ${failed} failed` : '';
  if (phase === 'discovering') return `${sourceId}  discovering links…`;
  if (phase === 'done') return `${sourceId}  done: ${fetched} fetched${failedText}`;
  const total = Math.max(toFetch, fetched);
  const filled = total === 0 ? barWidth : Math.round((fetched / total) * barWidth);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
  return `${sourceId}  fetching ${bar} ${fetched}/${total}${failedText}`;
}

function terminalBar(output: ProgressOutput): ProgressDisplay {
  let shown = false;
  return {
    onProgress: (progress) => {
      const width = Math.max(20, (output.columns ?? 80) - 1);
      output.write(`\r\x1b[2K${describeProgress(progress).slice(0, width)}`);
      shown = true;
      if (progress.phase === 'done') {
        output.write('\n');
        shown = false;
      }
    },
    finish: () => {
      if (shown) output.write('\r\x1b[2K');
      shown = false;
    },
  };
}

function plainLines(output: ProgressOutput, nowMs: () => number): ProgressDisplay {
  const last = new Map<string, { phase: CrawlProgress['phase']; atMs: number }>();
  return {
    onProgress: (progress) => {
      const previous = last.get(progress.sourceId);
      const now = nowMs();
      const isPhaseChange = previous?.phase !== progress.phase;
      if (!isPhaseChange && now - (previous?.atMs ?? 0) < PLAIN_LINE_EVERY_MS) return;
      last.set(progress.sourceId, { phase: progress.phase, atMs: now });
      output.write(`crawl ${describeProgress(progress, 10)}\n`);
    },
    finish: () => undefined,
  };
}
