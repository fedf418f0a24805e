import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.ts';
import { isLanguageCode } from '../../core/languages.ts';
import type { TopicTagging } from '../../pipeline/topics/index.ts';
import { printJson, printJsonLine } from '../output.ts';

export function registerTagCommand(program: Command): void {
  program
    .command('tag')
    .description('tag text on stdin with the coalition topics; prints scores and the matched terms as JSON')
    .option('--lang <code>', "the text's language (default: detected)")
    .option(
      '--jsonl <file>',
      'a batch: lines of {"id","text"} (optional "lang"); one JSON line per input line',
    )
    .action(async (options: { lang?: string; jsonl?: string }) => {
      const { createContext } = await import('../../app/context.ts');
      const { readJsonLines, readStdin, requireStringFields } = await import('../../app/read-input.ts');
      const { loadValidConfig } = await import('../../app/services.ts');
      const { compileTopics, detectLanguage, tagTopics } = await import('../../pipeline/index.ts');
      if (options.lang !== undefined && !isLanguageCode(options.lang)) {
        throw new ConfigError(
          `--lang must be an ISO 639-1 code pressmon knows (ro, pl, en, ru, uk, …), got "${options.lang}"`,
        );
      }
      const { settings } = createContext();
      const taxonomy = compileTopics((await loadValidConfig(settings)).topics);
      const tag = (text: string, lang: string | undefined): TopicTagging => {
        const language = lang !== undefined && isLanguageCode(lang) ? lang : detectLanguage({ text }).code;
        return tagTopics(taxonomy, { title: '', lead: null, body: text, language });
      };
      if (options.jsonl !== undefined) {
        const lines = await readJsonLines(options.jsonl, (value) =>
          requireStringFields(value, ['id', 'text']),
        );
        for (const line of lines) {
          const lang = (line as { lang?: unknown }).lang;
          printJsonLine({ id: line.id, ...tag(line.text, typeof lang === 'string' ? lang : options.lang) });
        }
        return;
      }
      printJson(tag(await readStdin(), options.lang));
    });
}
