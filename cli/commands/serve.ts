import type { Command } from 'commander';
import { printLine } from '../output.ts';
import { parsePositiveInt } from '../parse-options.ts';

/**
 * `pressmon serve`: the dashboards and their API until interrupted.
 * `pressmon serve --hash-password` reads a password on stdin and prints the
 * hash to put in PRESSMON_DASHBOARD_USERS.
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the dashboards and the HTTP API')
    .option('--port <port>', 'port (default: PRESSMON_DASHBOARD_PORT or 8080)', parsePositiveInt)
    .option('--host <address>', 'address to listen on (default: PRESSMON_DASHBOARD_HOST or 127.0.0.1)')
    .option(
      '--hash-password',
      'read a password on stdin, print its hash for PRESSMON_DASHBOARD_USERS, and exit',
    )
    .action(async (options: { port?: number; host?: string; hashPassword?: boolean }) => {
      if (options.hashPassword) {
        const { readStdin } = await import('../../app/read-input.ts');
        const { hashPassword } = await import('../../dashboards/index.ts');
        const { ConfigError } = await import('../../core/errors.ts');
        const password = (await readStdin()).replace(/\r?\n$/, '');
        if (password.length < 10)
          throw new ConfigError('serve --hash-password: use a password of at least 10 characters');
        printLine(await hashPassword(password));
        return;
      }
      const { createContext } = await import('../../app/context.ts');
      const { connectElasticsearch, loadValidConfig } = await import('../../app/services.ts');
      const { ensureIndices } = await import('../../indexer/index.ts');
      const { startDashboards } = await import('../../dashboards/index.ts');
      const { settings, logger } = createContext();
      const config = await loadValidConfig(settings);
      const client = await connectElasticsearch(settings, logger);
      await ensureIndices(client, settings.indexPrefix);
      const running = await startDashboards(
        { client, settings, config, logger },
        { port: options.port ?? settings.dashboardPort, host: options.host ?? settings.dashboardHost },
      );
      printLine(`pressmon dashboards: ${running.url}`);
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await running.close();
      await client.close();
    });
}
