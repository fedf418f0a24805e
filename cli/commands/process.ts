import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.ts';
import type { FetchedPage } from '../../crawlers/types.ts';
import type { ProcessResult } from '../../pipeline/types.ts';
import { printJson, printJsonLine } from '../output.ts';

export function registerProcessCommand(program: Command): void {
  program
    .command('process')
    .description('run the whole pipeline on a saved page and print the Article as JSON (no indexing)')
    .option('--url <url>', 'the URL the page was fetched from')
    .option('--html <file>', 'the saved HTML of the page')
    .option('--jsonl <file>', 'a batch: lines of {"url","html"}; prints one JSON line per input line')
    .action(async (options: { url?: string; html?: string; jsonl?: string }) => {
      const { createContext } = await import('../../app/context.ts');
      const { readJsonLines, requireStringFields } = await import('../../app/read-input.ts');
      const { loadValidConfig } = await import('../../app/services.ts');
      const { sourceForUrl } = await import('../../app/source-for-url.ts');
      const { compilePipeline, processPage } = await import('../../pipeline/index.ts');
      const { settings } = createContext();
      const config = await loadValidConfig(settings);
      const compiled = compilePipeline(config);
      const run = (url: string, html: string): ProcessResult =>
        processPage(pageOf(url, html), {
          source: sourceForUrl(config.sources, url, settings.timeZone),
          compiled,
        });

      if (options.jsonl !== undefined) {
        const lines = await readJsonLines(options.jsonl, (value) =>
          requireStringFields(value, ['url', 'html']),
        );
        for (const line of lines) printJsonLine(resultJson(run(line.url, line.html)));
        return;
      }
      if (options.url === undefined || options.html === undefined) {
        throw new ConfigError('process needs --url URL --html FILE, or --jsonl FILE');
      }
      const html = await readFile(options.html, 'utf8').catch((error: Error) => {
        throw new ConfigError(`cannot read --html ${options.html}: ${error.message}`);
      });
      const result = run(options.url, html);
      printJson(resultJson(result));
      if (!result.ok) process.exitCode = 1;
    });
}

function pageOf(url: string, html: string): FetchedPage {
  return {
    sourceId: 'cli',
    url,
    finalUrl: url,
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    html,
    fetchedAt: new Date().toISOString(),
  };
}

function resultJson(result: ProcessResult): unknown {
  return result.ok ? result.article : { notAnArticle: result.reason, detail: result.detail };
}
