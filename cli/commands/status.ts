import type { Command } from 'commander';
import { printJson, printLine } from '../output.ts';
import { parsePositiveInt } from '../parse-options.ts';

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description(
      'Elasticsearch health, index sizes, spool backlog, last run of each job and source, sources failing or silent',
    )
    .option(
      '--alert-after <runs>',
      'flag sources failing or silent this many runs in a row (default: PRESSMON_ALERT_AFTER_RUNS or 3)',
      parsePositiveInt,
    )
    .option('--json', 'print JSON')
    .action(async (options: { alertAfter?: number; json?: boolean }) => {
      const { createContext } = await import('../../app/context.ts');
      const { loadValidConfig } = await import('../../app/services.ts');
      const { gatherStatus } = await import('../../app/status.ts');
      const { formatStatus } = await import('../../app/format-status.ts');
      const { settings } = createContext();
      const config = await loadValidConfig(settings);
      const alertAfter = options.alertAfter ?? settings.schedule.alertAfterRuns;
      const status = await gatherStatus(settings, config.sources, { members: config.members });
      if (options.json) printJson(status);
      else printLine(formatStatus(status, alertAfter));
      const flagged = status.sources.some(
        (source) => source.failingRuns >= alertAfter || source.silentRuns >= alertAfter,
      );
      if (!status.elasticsearch.reachable || flagged) process.exitCode = 1;
    });
}
