import type { Command } from 'commander';
import { printJson, printJsonLine } from '../output.ts';

export function registerDetectCommand(program: Command): void {
  program
    .command('detect')
    .description('detect the language of text on stdin; prints {"code","confidence"} (ISO 639-1 or "und")')
    .option(
      '--jsonl <file>',
      'a batch: lines of {"id","text"}; prints one JSON line per input line, in order',
    )
    .action(async (options: { jsonl?: string }) => {
      const { readJsonLines, readStdin, requireStringFields } = await import('../../app/read-input.ts');
      const { detectLanguage } = await import('../../pipeline/index.ts');
      if (options.jsonl !== undefined) {
        const lines = await readJsonLines(options.jsonl, (value) =>
          requireStringFields(value, ['id', 'text']),
        );
        for (const line of lines) printJsonLine({ id: line.id, ...detectLanguage({ text: line.text }) });
        return;
      }
      printJson(detectLanguage({ text: await readStdin() }));
    });
}
