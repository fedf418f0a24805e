import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.ts';
import type { LocalNodeStatus } from '../../indexer/local-node/index.ts';
import { printJson, printLine } from '../output.ts';

export function registerEsCommands(program: Command): void {
  const es = program
    .command('es')
    .description('the embedded local Elasticsearch node (start, stop, status) and index migrations');

  es.command('start')
    .description('download (first time), configure and start the local node; wait until healthy')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { createContext } = await import('../../app/context.ts');
      const { startLocalNode } = await import('../../indexer/local-node/index.ts');
      const { settings, logger } = createContext();
      refuseExternal(settings.elasticsearch.kind);
      const status = await startLocalNode(settings, logger);
      if (options.json) printJson(status);
      else printLine(`Elasticsearch ${describe(status)}`);
    });

  es.command('stop')
    .description('stop the local node cleanly')
    .action(async () => {
      const { createContext } = await import('../../app/context.ts');
      const { stopLocalNode } = await import('../../indexer/local-node/index.ts');
      const { settings, logger } = createContext();
      refuseExternal(settings.elasticsearch.kind);
      const { wasRunning } = await stopLocalNode(settings, logger);
      printLine(wasRunning ? 'Elasticsearch stopped' : 'Elasticsearch was not running');
    });

  registerMigrate(es);

  es.command('status')
    .description('is the local node installed, running and healthy')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { createContext } = await import('../../app/context.ts');
      const { localNodeStatus } = await import('../../indexer/local-node/index.ts');
      const { settings } = createContext();
      refuseExternal(settings.elasticsearch.kind);
      const status = await localNodeStatus(settings);
      if (options.json) printJson(status);
      else printLine(`Elasticsearch ${describe(status)}`);
    });
}

/** `es migrate` works on any cluster, embedded or external. */
function registerMigrate(es: Command): void {
  es.command('migrate')
    .description('move the articles alias to a new index with the current mapping (copy, catch up, switch)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { createContext } = await import('../../app/context.ts');
      const { connectElasticsearch } = await import('../../app/services.ts');
      const { migrateArticlesIndex } = await import('../../indexer/index.ts');
      const { settings, logger } = createContext();
      const client = await connectElasticsearch(settings, logger);
      try {
        const report = await migrateArticlesIndex(client, settings.indexPrefix, { logger });
        if (options.json) printJson(report);
        else if (report.kind === 'already-current') printLine(`Articles index is current: ${report.index}`);
        else
          printLine(
            `Migrated ${report.copied} articles (+${report.caughtUp} written meanwhile) from ${report.from} to ${report.to}; ${report.oldIndexKept} is kept until you delete it`,
          );
      } finally {
        await client.close();
      }
    });
}

function refuseExternal(kind: 'embedded' | 'external'): void {
  if (kind === 'external') {
    throw new ConfigError(
      'PRESSMON_ES_URL points at an external cluster; `pressmon es` manages only the embedded node (unset PRESSMON_ES_URL to use it)',
    );
  }
}

function describe(status: LocalNodeStatus): string {
  switch (status.state) {
    case 'running':
      return `${status.version} running at ${status.url} (pid ${status.pid}, health ${status.health})`;
    case 'unresponsive':
      return `process ${status.pid} is not answering at ${status.url}: ${status.reason}`;
    case 'stopped':
      return `installed (${status.installedVersions.join(', ')}), not running`;
    case 'not-installed':
      return 'not installed yet (`pressmon es start` downloads it)';
  }
}
