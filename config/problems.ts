import path from 'node:path';
import type { z } from 'zod';
import type { ValuePath } from './yaml-source-map.ts';

/** One thing wrong in a config file, placed as precisely as the file allows. */
export interface ConfigProblem {
  /** Absolute path of the file (or folder) the problem is in. */
  readonly file: string;
  /** 1-based line, or null when the problem concerns the whole file or folder. */
  readonly line: number | null;
  /** Where in the file's value: `discovery.feeds[0]`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}

/**
 * `file:line: path: message`, the file relative to `cwd` (default: the
 * current directory) when it lies below it. Parts that are unknown are left out.
 */
export function formatProblem(problem: ConfigProblem, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, problem.file);
  const file =
    relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? problem.file : relative;
  const where = problem.line === null ? file : `${file}:${problem.line}`;
  return problem.path === ''
    ? `${where}: ${problem.message}`
    : `${where}: ${problem.path}: ${problem.message}`;
}

/** `['discovery', 'feeds', 0]` → `discovery.feeds[0]`. */
export function formatPath(valuePath: ValuePath): string {
  return valuePath.reduce<string>((out, segment) => {
    if (typeof segment === 'number') return `${out}[${segment}]`;
    const key = String(segment);
    return out === '' ? key : `${out}.${key}`;
  }, '');
}

/** Places zod's issues in a file: one problem per issue, one per unknown key. */
export function problemsFromIssues(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  lineOf: (valuePath: ValuePath) => number | null,
): ConfigProblem[] {
  return issues.flatMap((issue) => {
    const issuePath = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const keyPath = [...issuePath, key];
        return {
          file,
          line: lineOf(keyPath),
          path: formatPath(keyPath),
          message: `unknown key (${issue.message})`,
        };
      });
    }
    return [{ file, line: lineOf(issuePath), path: formatPath(issuePath), message: messageOf(issue) }];
  });
}

// zod's own wording, made plainer for the two cases taxonomy keepers meet most.
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type') return issue.message;
  if (issue.input === undefined) return `is missing (expected ${issue.expected})`;
  if (issue.input === null) return `is empty (expected ${issue.expected})`;
  return `expected ${issue.expected}, got ${describe(issue.input)}`;
}

function describe(input: unknown): string {
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a map of keys';
  if (typeof input === 'string')
    return `the text ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
  return `${typeof input} ${String(input)}`;
}
