import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/index.ts';
import { compileTopics, runTopicExamples } from '../../../pipeline/topics/index.ts';

const CONFIG_DIR = join(import.meta.dirname, '../../../config');

describe('the real taxonomy (config/topics)', () => {
  it('passes every example sentence of every topic', async () => {
    const loaded = await loadConfig({ configDir: CONFIG_DIR, sourcesDir: join(CONFIG_DIR, 'sources') });
    if (!loaded.ok) throw new Error(`config/ does not load: ${JSON.stringify(loaded.problems.slice(0, 5))}`);
    const { topics } = loaded.config;
    expect(topics.length).toBeGreaterThan(0);
    const results = runTopicExamples(compileTopics(topics), topics);
    const failures = results
      .filter((result) => !result.passed)
      .map(
        (result) =>
          `${result.topicId} [${result.lang}] expected ${result.expected}: ${result.text} (${result.explanation})`,
      );
    expect(failures).toEqual([]);
  });
});
