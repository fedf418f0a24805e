// Topic-tagging quality for `npm run eval`: precision and recall of
// "migration-related" per coalition language on the labelled set
// (test/fixtures/topics), as bench/topics/run.ts measures it.
import { join } from 'node:path';
import { loadConfigOrThrow } from '../../config/index.ts';
import { evaluateTagging } from '../../pipeline/topics/evaluate-tagging.ts';
import { compileTopics } from '../../pipeline/topics/index.ts';
import { readLabelledSet } from '../../pipeline/topics/read-labelled-set.ts';

const ROOT = join(import.meta.dirname, '../..');

/** `labelled-set → <lang>.precision` and `<lang>.recall` of "migration-related". */
export async function measureTopics(): Promise<Record<string, Record<string, number>>> {
  const configDir = join(ROOT, 'config');
  const config = await loadConfigOrThrow({ configDir, sourcesDir: join(configDir, 'sources') });
  const evaluation = evaluateTagging(
    compileTopics(config.topics),
    readLabelledSet(join(ROOT, 'test/fixtures/topics')),
  );
  const figures: Record<string, number> = {};
  for (const [language, result] of Object.entries(evaluation.perLanguage)) {
    figures[`${language}.precision`] = result.migrationRelated.precision;
    figures[`${language}.recall`] = result.migrationRelated.recall;
  }
  return { 'labelled-set': figures };
}
