import { Command, CommanderError } from 'commander';
import { PressmonError } from '../core/errors.ts';
import { registerConfigCommands } from './commands/config.ts';
import { registerCrawlCommand } from './commands/crawl.ts';
import { registerDetectCommand } from './commands/detect.ts';
import { registerDigestCommands } from './commands/digest.ts';
import { registerEsCommands } from './commands/es.ts';
import { registerIndexCommand } from './commands/index-spool.ts';
import { registerProcessCommand } from './commands/process.ts';
import { registerReprocessCommand } from './commands/reprocess.ts';
import { registerRunCommand } from './commands/run.ts';
import { registerScheduleCommand } from './commands/schedule.ts';
import { registerSearchCommand } from './commands/search.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerStatusCommand } from './commands/status.ts';
import { registerTagCommand } from './commands/tag.ts';

/** Exit codes of every command (README "Command line"). */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Builds the `pressmon` command tree; each command registers itself. */
export function buildProgram(): Command {
  const program = new Command('pressmon')
    .description('Press monitoring for migrant-rights coalitions: crawl, understand, search, digest.')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const register of [
    registerRunCommand,
    registerEsCommands,
    registerCrawlCommand,
    registerProcessCommand,
    registerDetectCommand,
    registerTagCommand,
    registerIndexCommand,
    registerSearchCommand,
    registerConfigCommands,
    registerStatusCommand,
    registerDigestCommands,
    registerScheduleCommand,
    registerReprocessCommand,
    registerServeCommand,
  ]) {
    register(program);
  }
  // Subcommands inherit exitOverride so usage errors come back as exceptions.
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Runs the CLI and returns the process exit code: 0 on success, 1 with a
 * one-line reason on failure, 2 for a usage error.
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}

function reportFailure(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version "errors" are successes; commander already printed usage problems.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof PressmonError) {
    process.stderr.write(`pressmon: ${error.message}\n`);
    return EXIT.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`pressmon: unexpected failure: ${message}\n`);
  if (process.env.PRESSMON_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return EXIT.failure;
}
