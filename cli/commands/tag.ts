import type { Command } from 'commander';
import { createContext } from '../../app/context.ts';
import { readJsonLines, readStdin, requireStringFields } from '../../app/read-input.ts';
import { loadValidConfig } from '../../app/services.ts';
import { isLanguageCode } from '../../core/languages.ts';
import { ConfigError } from '../../core/errors.ts';
import { compileTopics, detectLanguage, tagTopics } from '../../pipeline/index.ts';
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
      if (options.lang !== undefined && !isLanguageCode(options.lang)) {
        throw new ConfigError(
          `--lang must be an ISO 639-1 code pressmon knows (ro, pl, en, ru, uk, …), got "${options.lang}"`,
        );
      }
      const { settings } = createContext();
      const taxonomy = compileTopics((await loadValidConfig(settings)).topics);
      const tag = (text: string, lang: string | undefined): ReturnType<typeof tagTopics> => {
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
