import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.ts';
import type { LocalNodeStatus } from '../../indexer/local-node/index.ts';
import { printJson, printLine } from '../output.ts';

export function registerEsCommands(program: Command): void {
  const es = program
    .command('es')
    .description('the embedded local Elasticsearch node (not used when PRESSMON_ES_URL is set)');

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
