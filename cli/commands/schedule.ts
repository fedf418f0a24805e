import type { Command } from 'commander';
import { printLine } from '../output.ts';
import { parsePositiveInt } from '../parse-options.ts';

interface ScheduleOptions {
  source?: string[];
  maxPages?: number;
}

export function registerScheduleCommand(program: Command): void {
  program
    .command('schedule')
    .description(
      'run the long-lived scheduler: per-source crawls (daily by default), weekly digests; SIGTERM stops it cleanly',
    )
    .option('--source <id...>', 'only the crawl jobs of these sources (repeatable; no digests then)')
    .option('--max-pages <n>', 'stop each crawl of a source after n fetched pages', parsePositiveInt)
    .action(async (options: ScheduleOptions) => {
      const { createContext } = await import('../../app/context.ts');
      const { runScheduler } = await import('../../app/run-scheduler.ts');
      const { createDigestContext, scheduledDigestSender } = await import('../../app/digest.ts');
      const context = createContext();
      const { settings, logger } = context;
      const { connectElasticsearch, loadValidConfig } = await import('../../app/services.ts');
      const config = await loadValidConfig(settings);
      const client = await connectElasticsearch(settings, logger);
      const digest = await createDigestContext(context, { config, client });
      if (digest.mailer === null && config.members.length > 0) {
        logger.warn('no SMTP server configured (PRESSMON_SMTP_URL): weekly digests will fail until one is');
      }
      try {
        const handle = await runScheduler(
          { settings, config, client, logger, sendWeeklyDigests: scheduledDigestSender(digest) },
          {
            handleSignals: true,
            ...(options.source === undefined ? {} : { sourceIds: options.source }),
            ...(options.maxPages === undefined ? {} : { maxPagesPerSource: options.maxPages }),
          },
        );
        printLine(`Scheduler started with ${handle.jobs.length} job(s); stop it with Ctrl-C or SIGTERM.`);
        await handle.stopped;
        printLine('Scheduler stopped.');
      } finally {
        await client.close();
      }
    });
}
