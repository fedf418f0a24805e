import path from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.ts';
import { printJson, printLine } from '../output.ts';

export function registerIndexCommand(program: Command): void {
  program
    .command('index')
    .description('index maintenance; --replay re-sends the articles that could not be indexed')
    .option('--replay', 'replay the spool of articles that could not be indexed')
    .option('--json', 'print JSON')
    .action(async (options: { replay?: boolean; json?: boolean }) => {
      const { createContext } = await import('../../app/context.ts');
      const { connectElasticsearch } = await import('../../app/services.ts');
      const { ensureIndices, replaySpool } = await import('../../indexer/index.ts');
      if (!options.replay) throw new ConfigError('index: say what to do (--replay)');
      const { settings, logger } = createContext();
      const client = await connectElasticsearch(settings, logger);
      try {
        await ensureIndices(client, settings.indexPrefix);
        const report = await replaySpool({
          client,
          prefix: settings.indexPrefix,
          spoolDir: path.join(settings.dataDir, 'spool'),
          logger,
        });
        if (options.json) printJson(report);
        else printLine(`Spool replayed: ${report.indexed} indexed, ${report.spooled} still spooled`);
        if (report.spooled > 0) process.exitCode = 1;
      } finally {
        await client.close();
      }
    });
}
