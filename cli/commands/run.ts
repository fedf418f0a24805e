import type { Command } from 'commander';
import { createContext } from '../../app/context.ts';
import { formatCrawlReport } from '../../app/format-report.ts';
import { runCrawl } from '../../app/run-crawl.ts';
import { connectElasticsearch, loadValidConfig } from '../../app/services.ts';
import { printLine } from '../output.ts';

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description(
      'the main job: start Elasticsearch (embedded unless PRESSMON_ES_URL is set), crawl every source once, index',
    )
    .action(async () => {
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
      } finally {
        await client.close();
      }
    });
}
