import type { Command } from 'commander';
import { printJson, printLine } from '../output.ts';
import { parseDate } from '../parse-options.ts';

interface ReprocessCliOptions {
  since?: string;
  source?: string[];
  json?: boolean;
  dryRun?: boolean;
}

export function registerReprocessCommand(program: Command): void {
  program
    .command('reprocess')
    .description(
      're-run the pipeline over the raw archive and re-index; reports new tags, dates and languages',
    )
    .option('--since <date>', 'only pages fetched on or after this date (YYYY-MM-DD)', parseDate)
    .option('--source <id...>', 'only these sources (repeatable)')
    .option('--dry-run', 'only report what would change; write nothing')
    .option('--json', 'print the report as JSON')
    .action(async (options: ReprocessCliOptions) => {
      const { createContext } = await import('../../app/context.ts');
      const { formatReprocessReport } = await import('../../app/format-reprocess.ts');
      const { reprocessArchive } = await import('../../app/reprocess.ts');
      const { connectElasticsearch, loadValidConfig } = await import('../../app/services.ts');
      const { settings, logger } = createContext();
      const config = await loadValidConfig(settings);
      const client = await connectElasticsearch(settings, logger);
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const showProgress = process.stderr.isTTY === true;
      try {
        const report = await reprocessArchive({
          settings,
          logger,
          client,
          config,
          isDryRun: options.dryRun === true,
          signal: controller.signal,
          ...(options.since === undefined ? {} : { since: options.since.slice(0, 10) }),
          ...(options.source === undefined ? {} : { sourceIds: options.source }),
          onProgress: (done, total) => {
            if (showProgress) process.stderr.write(`\rreprocess: ${done}/${total} pages`);
            else logger.info({ done, total }, 'reprocess progress');
          },
        });
        if (showProgress) process.stderr.write('\n');
        if (options.json) printJson(report);
        else printLine(formatReprocessReport(report));
        if (report.written.spooled > 0 || report.interrupted) process.exitCode = 1;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await client.close();
      }
    });
}
