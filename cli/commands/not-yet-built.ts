import type { Command } from 'commander';
import { NotImplementedError } from '../../core/errors.ts';

/**
 * Commands of the CLI contract (DESIGN §5) that later issues build. They exist
 * so `--help` documents the whole contract, and they fail honestly until then.
 */
export function registerNotYetBuiltCommands(program: Command): void {
  program
    .command('reprocess')
    .description('re-run the pipeline over the raw archive and re-index')
    .option('--since <date>', 'only pages fetched on or after this date (YYYY-MM-DD)')
    .option('--source <id>', 'only this source')
    .action(() => {
      throw new NotImplementedError('reprocess');
    });

  const digest = program.command('digest').description('weekly digest emails for coalition members');
  for (const [name, description] of [
    ['preview', 'write one member digest (HTML and text) to files'],
    ['send', "compose and send the week's digests (--dry-run prints counts)"],
  ] as const) {
    digest
      .command(name)
      .description(description)
      .option('--week <YYYY-Www>', 'ISO week (default: the week that just ended)')
      .option('--member <email>', 'only this member')
      .option('--dry-run', 'compose but do not send')
      .action(() => {
        throw new NotImplementedError(`digest ${name}`);
      });
  }

  program
    .command('schedule')
    .description('run the long-lived scheduler: daily crawls, weekly digests')
    .action(() => {
      throw new NotImplementedError('schedule');
    });
}
