import type { Command } from 'commander';
import { printJson, printLine } from '../output.ts';

export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description('the YAML configuration under config/');
  config
    .command('check')
    .description("validate every config file and run each topic's example sentences")
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { createContext } = await import('../../app/context.ts');
      const { formatProblem, loadConfig } = await import('../../config/index.ts');
      const { compileTopics, runTopicExamples } = await import('../../pipeline/index.ts');
      const { settings } = createContext();
      const loaded = await loadConfig({ configDir: settings.configDir, sourcesDir: settings.sourcesDir });
      if (!loaded.ok) {
        if (options.json) printJson({ ok: false, problems: loaded.problems });
        else for (const problem of loaded.problems) printLine(formatProblem(problem));
        process.exitCode = 1;
        return;
      }
      const { sources, topics, organisations, members } = loaded.config;
      const examples = runTopicExamples(compileTopics(topics), topics);
      const failures = examples.filter((example) => !example.passed);
      if (options.json) {
        printJson({
          ok: failures.length === 0,
          counts: {
            sources: sources.length,
            topics: topics.length,
            organisations: organisations.length,
            members: members.length,
          },
          exampleFailures: failures,
        });
      } else {
        printLine(
          `config: ${sources.length} sources, ${topics.length} topics, ${organisations.length} organisations, ${members.length} members: valid`,
        );
        printLine(`topic examples: ${examples.length - failures.length} of ${examples.length} pass`);
        for (const failure of failures)
          printLine(
            `FAIL ${failure.topicId} [${failure.lang}] expected ${failure.expected}: ${failure.text}${failure.explanation ? ` (${failure.explanation})` : ''}`,
          );
      }
      if (failures.length > 0) process.exitCode = 1;
    });
}
