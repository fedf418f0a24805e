import type { Command } from 'commander';
import { printJson, printLine } from '../output.ts';
import { parsePositiveInt } from '../parse-options.ts';

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description(
      'Elasticsearch health, index sizes, spool backlog, the last crawl, sources failing or silent',
    )
    .option(
      '--alert-after <runs>',
      'flag sources failing or silent this many runs in a row',
      parsePositiveInt,
      3,
    )
    .option('--json', 'print JSON')
    .action(async (options: { alertAfter: number; json?: boolean }) => {
      const { createContext } = await import('../../app/context.ts');
      const { loadValidConfig } = await import('../../app/services.ts');
      const { gatherStatus } = await import('../../app/status.ts');
      const { formatStatus } = await import('../../app/format-status.ts');
      const { settings } = createContext();
      const config = await loadValidConfig(settings);
      const status = await gatherStatus(settings, config.sources);
      if (options.json) printJson(status);
      else printLine(formatStatus(status, options.alertAfter));
      const flagged = status.sources.some(
        (source) => source.failingRuns >= options.alertAfter || source.silentRuns >= options.alertAfter,
      );
      if (!status.elasticsearch.reachable || flagged) process.exitCode = 1;
    });
}
