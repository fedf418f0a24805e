import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PressmonError } from '../../core/errors.ts';
import { COALITION_LANGUAGES, type CoalitionLanguage } from '../../core/languages.ts';
import type { LabelledArticle } from './evaluate-tagging.ts';

/** A labelled-set file holds a line that is not a valid labelled article. */
export class LabelledSetError extends PressmonError {
  override readonly name = 'LabelledSetError';
}

/**
 * Reads every `labelled*.jsonl` file of `dir` (one JSON object a line, see
 * {@link LabelledArticle}). Throws a LabelledSetError naming the file and line
 * of the first malformed entry.
 */
export function readLabelledSet(dir: string): LabelledArticle[] {
  const files = readdirSync(dir)
    .filter((name) => /^labelled.*\.jsonl$/u.test(name))
    .sort();
  const articles: LabelledArticle[] = [];
  for (const name of files) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      articles.push(parseLine(line, `${name}:${index + 1}`));
    });
  }
  return articles;
}

function parseLine(line: string, where: string): LabelledArticle {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (cause) {
    throw new LabelledSetError(`reading the labelled set: ${where} is not JSON; fix the line`, { cause });
  }
  const entry = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of ['id', 'title', 'body', 'labelNote'] as const) {
    if (typeof entry[key] !== 'string') problems.push(`${key} must be a string`);
  }
  if (!COALITION_LANGUAGES.includes(entry.lang as CoalitionLanguage))
    problems.push('lang must be ro, pl, en, ru or uk');
  if (entry.lead !== null && typeof entry.lead !== 'string') problems.push('lead must be a string or null');
  if (typeof entry.isMigrationRelated !== 'boolean')
    problems.push('isMigrationRelated must be true or false');
  if (!Array.isArray(entry.topics) || entry.topics.some((topic) => typeof topic !== 'string')) {
    problems.push('topics must be a list of topic ids');
  }
  if (typeof entry.origin !== 'object' || entry.origin === null) problems.push('origin must be an object');
  if (problems.length > 0) {
    throw new LabelledSetError(`reading the labelled set: ${where}: ${problems.join('; ')}`);
  }
  return entry as unknown as LabelledArticle;
}
