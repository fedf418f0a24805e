import type { Command } from 'commander';
import { printLine } from '../output.ts';

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description(
      'the main job: start Elasticsearch (embedded unless PRESSMON_ES_URL is set), crawl every source once, index',
    )
    .action(async () => {
      const { createContext } = await import('../../app/context.ts');
      const { exitCodeForCrawl, formatCrawlReport } = await import('../../app/format-report.ts');
      const { runCrawl } = await import('../../app/run-crawl.ts');
      const { connectElasticsearch, loadValidConfig } = await import('../../app/services.ts');
      const { settings, logger } = createContext();
      const config = await loadValidConfig(settings);
      const client = await connectElasticsearch(settings, logger);
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      try {
        const report = await runCrawl({ settings, logger, client, config, signal: controller.signal });
        printLine(formatCrawlReport(report));
        printLine();
        printLine('Search the articles with: node bin/pressmon.js search <words>');
        printLine('Elasticsearch keeps running for searches; stop it with: node bin/pressmon.js es stop');
        process.exitCode = exitCodeForCrawl(report);
      } finally {
        await client.close();
      }
    });
}
