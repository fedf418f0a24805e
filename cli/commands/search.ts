import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.ts';
import { printJson, printLine } from '../output.ts';
import { parseDate, parsePositiveInt } from '../parse-options.ts';

interface SearchOptions {
  lang?: string[];
  topic?: string[];
  source?: string[];
  country?: string[];
  from?: string;
  to?: string;
  sort?: string;
  size?: number;
  json?: boolean;
}

export function registerSearchCommand(program: Command): void {
  program
    .command('search')
    .description('search the indexed articles (simple query syntax: "phrase", -exclude, a | b, prefix*)')
    .argument('<query...>', 'the query; several words are all required')
    .option('--lang <code...>', 'only these languages')
    .option('--topic <id...>', 'only these topics')
    .option('--source <id...>', 'only these sources')
    .option('--country <code...>', 'only sources from these countries (ro, md, pl, ua, int)')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)', parseDate)
    .option('--to <date>', 'published on or before (YYYY-MM-DD)', parseDate)
    .option('--sort <order>', 'relevance or date', 'relevance')
    .option('--size <n>', 'number of hits', parsePositiveInt, 10)
    .option('--json', 'print the full response as JSON')
    .action(async (words: string[], options: SearchOptions) => {
      const { createContext } = await import('../../app/context.ts');
      const { connectElasticsearch } = await import('../../app/services.ts');
      const { searchArticles } = await import('../../indexer/index.ts');
      if (options.sort !== 'relevance' && options.sort !== 'date') {
        throw new ConfigError(`--sort must be relevance or date, got "${options.sort}"`);
      }
      const { settings, logger } = createContext();
      const client = await connectElasticsearch(settings, logger);
      try {
        const response = await searchArticles(client, settings.indexPrefix, {
          query: words.join(' '),
          sort: options.sort,
          size: options.size ?? 10,
          facets: options.json === true,
          highlight: true,
          ...(options.lang ? { languages: options.lang } : {}),
          ...(options.topic ? { topics: options.topic } : {}),
          ...(options.source ? { sources: options.source } : {}),
          ...(options.country ? { countries: options.country } : {}),
          ...(options.from ? { from: options.from } : {}),
          ...(options.to ? { to: options.to } : {}),
        });
        if (!response.ok) throw new ConfigError(`search: ${response.message}`);
        if (options.json) {
          printJson(response);
          return;
        }
        printLine(`${response.total} article${response.total === 1 ? '' : 's'} match "${words.join(' ')}"`);
        for (const hit of response.hits) {
          const date = hit.publishedAt?.slice(0, 10) ?? 'no date';
          printLine();
          printLine(`${hit.title}`);
          printLine(
            `  ${hit.source.name} · ${date} · ${hit.language} · ${hit.topicIds.join(', ') || 'no topic'}`,
          );
          printLine(`  ${hit.url}`);
          const snippet = hit.highlights[0];
          if (snippet !== undefined) printLine(`  …${plainSnippet(snippet)}…`);
        }
      } finally {
        await client.close();
      }
    });
}

/** Highlights come HTML-escaped with <em> marks; a terminal gets plain text with the marks as *…*. */
function plainSnippet(html: string): string {
  return html
    .replace(/<\/?em>/g, '*')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x2F;/g, '/')
    .replace(/&amp;/g, '&');
}
