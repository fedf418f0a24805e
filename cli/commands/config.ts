import type { Command } from 'commander';
import { printJson, printLine } from '../output.ts';

export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description('the YAML configuration under config/');
  config
    .command('check')
    .description("validate every config file and run each topic's and frame's example sentences")
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
      const { sources, topics, organisations, members, places, frames } = loaded.config;
      const topicExamples = runTopicExamples(compileTopics(topics), topics);
      // Frames are shaped like topics; their examples run without the migration vocabulary.
      const frameExamples = runTopicExamples(compileTopics(frames, null), frames);
      const examples = [...topicExamples, ...frameExamples];
      const failures = examples.filter((example) => !example.passed);
      if (options.json) {
        printJson({
          ok: failures.length === 0,
          counts: {
            sources: sources.length,
            topics: topics.length,
            organisations: organisations.length,
            members: members.length,
            places: places.length,
            frames: frames.length,
          },
          exampleFailures: failures,
        });
      } else {
        printLine(
          `config: ${sources.length} sources, ${topics.length} topics, ${organisations.length} organisations, ${members.length} members, ${places.length} places, ${frames.length} frames: valid`,
        );
        const passed = (list: typeof examples): number => list.filter((example) => example.passed).length;
        printLine(`topic examples: ${passed(topicExamples)} of ${topicExamples.length} pass`);
        printLine(`frame examples: ${passed(frameExamples)} of ${frameExamples.length} pass`);
        for (const failure of failures)
          printLine(
            `FAIL ${failure.topicId} [${failure.lang}] expected ${failure.expected}: ${failure.text}${failure.explanation ? ` (${failure.explanation})` : ''}`,
          );
      }
      if (failures.length > 0) process.exitCode = 1;
    });
}
