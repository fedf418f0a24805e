import type { Command } from 'commander';
import { printLine } from '../output.ts';
import { crawlOnce } from './crawl.ts';

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description(
      'the main job: start Elasticsearch (embedded unless PRESSMON_ES_URL is set), crawl every source once, index',
    )
    .action(async () => {
      await crawlOnce({});
      printLine();
      printLine('Search the articles with: node bin/pressmon.js search <words>');
      printLine('Elasticsearch keeps running for searches; stop it with: node bin/pressmon.js es stop');
    });
}
