import type { Command } from 'commander';
import { printLine } from '../output.ts';
import { parsePositiveInt } from '../parse-options.ts';
import { crawlOnce } from './crawl.ts';

interface RunOptions {
  once?: boolean;
  source?: string[];
  maxPages?: number;
  serve: boolean;
  schedule: boolean;
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description(
      'the main job: Elasticsearch up (embedded unless PRESSMON_ES_URL is set), every source crawled once and indexed, then the dashboards served and the schedule kept until Ctrl-C',
    )
    .option('--once', 'stop after the crawl (for cron); Elasticsearch keeps running')
    .option('--source <id...>', 'only these sources, in the first crawl and in the schedule')
    .option('--max-pages <n>', 'stop each crawl of a source after n fetched pages', parsePositiveInt)
    .option('--no-serve', 'do not serve the dashboards')
    .option('--no-schedule', 'do not keep the schedule (crawls and digests)')
    .action(async (options: RunOptions) => {
      const first = await crawlOnce({
        ...(options.source === undefined ? {} : { source: options.source }),
        ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
      });
      if (options.once || first.interrupted || (!options.serve && !options.schedule)) {
        printLine();
        printLine('Search the articles with: node bin/pressmon.js search <words>');
        printLine('Elasticsearch keeps running for searches; stop it with: node bin/pressmon.js es stop');
        return;
      }
      await serveAndSchedule(options);
    });
}

/**
 * After the first crawl: the dashboards and the scheduler in this process
 * until SIGINT or SIGTERM, then both stopped cleanly (the scheduler's running
 * crawl finishes its pages in flight, writes what it fetched and records the
 * run as interrupted). The first crawl counts as each source's scheduled crawl,
 * so the schedule does not crawl them again at once.
 */
async function serveAndSchedule(options: RunOptions): Promise<void> {
  const { createContext } = await import('../../app/context.ts');
  const { connectElasticsearch, loadValidConfig } = await import('../../app/services.ts');
  const { createDigestContext, scheduledDigestSender } = await import('../../app/digest.ts');
  const { runScheduler } = await import('../../app/run-scheduler.ts');
  const { ensureIndices } = await import('../../indexer/index.ts');
  const { startDashboards } = await import('../../dashboards/index.ts');
  const context = createContext();
  const { settings, logger } = context;
  const config = await loadValidConfig(settings);
  const client = await connectElasticsearch(settings, logger);
  await ensureIndices(client, settings.indexPrefix);
  const dashboards = options.serve
    ? await startDashboards(
        { client, settings, config, logger },
        { port: settings.dashboardPort, host: settings.dashboardHost },
      )
    : null;
  const digest = await createDigestContext(context, { config, client });
  const scheduler = options.schedule
    ? await runScheduler(
        { settings, config, client, logger, sendWeeklyDigests: scheduledDigestSender(digest) },
        {
          ...(options.source === undefined ? {} : { sourceIds: options.source }),
          ...(options.maxPages === undefined ? {} : { maxPagesPerSource: options.maxPages }),
        },
      )
    : null;
  printLine();
  if (dashboards !== null) printLine(`Dashboards: ${dashboards.url}`);
  if (scheduler !== null) printLine(`Schedule kept: ${scheduler.jobs.length} job(s).`);
  printLine('Ctrl-C stops everything cleanly.');
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  logger.warn({ signal }, 'stopping: the running crawl finishes its pages and writes what it fetched');
  await scheduler?.stop();
  await dashboards?.close();
  await client.close();
  printLine('Stopped.');
}
