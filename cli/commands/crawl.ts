import type { Command } from 'commander';
import { printJson, printLine } from '../output.ts';
import { parsePositiveInt } from '../parse-options.ts';

interface CrawlOptions {
  source?: string[];
  maxPages?: number;
  json?: boolean;
}

export function registerCrawlCommand(program: Command): void {
  program
    .command('crawl')
    .description('one crawl run: discover, fetch, process and index; prints a run report')
    .option('--source <id...>', 'only these sources (repeatable; default: all)')
    .option('--max-pages <n>', 'stop each source after n fetched pages', parsePositiveInt)
    .option('--json', 'print the run report as JSON')
    .action(async (options: CrawlOptions) => {
      await crawlOnce(options);
    });
}

/**
 * One crawl run from the command line: configuration, Elasticsearch, the run,
 * its report and exit code. Ctrl-C (or SIGTERM) lets the pages in flight
 * finish, then stops; what was fetched stays in the raw archive and the spool.
 */
export async function crawlOnce(options: CrawlOptions): Promise<{ readonly interrupted: boolean }> {
  const { createContext } = await import('../../app/context.ts');
  const { exitCodeForCrawl, formatCrawlReport } = await import('../../app/format-report.ts');
  const { runCrawl } = await import('../../app/run-crawl.ts');
  const { createProgressDisplay } = await import('../../app/crawl-progress-display.ts');
  const { connectElasticsearch, loadValidConfig } = await import('../../app/services.ts');
  const { settings, logger } = createContext();
  const config = await loadValidConfig(settings);
  const client = await connectElasticsearch(settings, logger);
  const controller = new AbortController();
  const stop = (): void => {
    logger.warn('interrupted: finishing the pages in flight, then stopping');
    controller.abort();
  };
  // A bar on a terminal, plain lines otherwise; on stderr, so that stdout stays the report.
  const progress = createProgressDisplay(process.stderr);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const report = await runCrawl({
      settings,
      logger,
      client,
      config,
      sourceIds: options.source ?? [],
      signal: controller.signal,
      onProgress: progress.onProgress,
      ...(options.maxPages === undefined ? {} : { maxPagesPerSource: options.maxPages }),
    });
    progress.finish();
    if (options.json) printJson(report);
    else printLine(formatCrawlReport(report));
    process.exitCode = exitCodeForCrawl(report);
    return { interrupted: controller.signal.aborted };
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await client.close();
  }
}
