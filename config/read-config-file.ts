import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { type ConfigProblem, problemsFromIssues } from './problems.ts';
import { parseYaml, type ValuePath } from './yaml-source-map.ts';

/** One YAML file, read and checked against its schema. */
export interface ConfigFile<T> {
  readonly file: string;
  /** The validated value; undefined when the file has problems. */
  readonly data: T | undefined;
  readonly problems: readonly ConfigProblem[];
  /** Line of a value path in this file, for problems found later (duplicates, references). */
  lineOf(valuePath: ValuePath): number | null;
}

/**
 * Reads a YAML file and validates it with `schema`. Syntax errors, schema
 * errors and unreadable files all come back as problems with lines.
 */
export async function readConfigFile<S extends z.ZodType>(
  file: string,
  schema: S,
): Promise<ConfigFile<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const message = `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    return { file, data: undefined, problems: [{ file, line: null, path: '', message }], lineOf: () => null };
  }
  const parsed = parseYaml(text);
  if (parsed.syntaxProblems.length > 0) {
    const problems = parsed.syntaxProblems.map((problem) => ({
      file,
      line: problem.line,
      path: '',
      message: `YAML syntax: ${problem.message}`,
    }));
    return { file, data: undefined, problems, lineOf: parsed.lineOf };
  }
  const result = schema.safeParse(parsed.value, { reportInput: true });
  if (!result.success) {
    return {
      file,
      data: undefined,
      problems: problemsFromIssues(file, result.error.issues, parsed.lineOf),
      lineOf: parsed.lineOf,
    };
  }
  return { file, data: result.data, problems: [], lineOf: parsed.lineOf };
}
