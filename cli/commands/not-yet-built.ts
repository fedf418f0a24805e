import type { Command } from 'commander';
import { NotImplementedError } from '../../core/errors.ts';

/**
 * Commands of the CLI contract (DESIGN §5) that later issues build. They exist
 * so `--help` documents the whole contract, and they fail honestly until then.
 */
export function registerNotYetBuiltCommands(program: Command): void {
  program
    .command('serve')
    .description('serve the dashboards and the HTTP API')
    .option('--port <port>', 'port (default: PRESSMON_DASHBOARD_PORT or 8080)')
    .action(() => {
      throw new NotImplementedError('serve');
    });
}
