import type { ConfigProblem } from './problems.ts';
import { formatPath } from './problems.ts';
import type { ValuePath } from './yaml-source-map.ts';

/** A value found in a file, with what is needed to point at it. */
export interface Located<T> {
  readonly value: T;
  readonly file: string;
  readonly path: ValuePath;
  readonly lineOf: (valuePath: ValuePath) => number | null;
}

/** One problem per value seen before, naming where it was first seen. */
export function findDuplicates(
  items: readonly Located<string>[],
  what: string,
  describeFirst: (first: Located<string>) => string,
): ConfigProblem[] {
  const seen = new Map<string, Located<string>>();
  const problems: ConfigProblem[] = [];
  for (const item of items) {
    const first = seen.get(item.value);
    if (first === undefined) {
      seen.set(item.value, item);
      continue;
    }
    problems.push(
      problemAt(item, `${what} "${item.value}" is used twice; it is already used in ${describeFirst(first)}`),
    );
  }
  return problems;
}

/** One problem per reference whose target is not among `known`. */
export function findUnknownReferences(
  references: readonly Located<string>[],
  known: ReadonlySet<string>,
  what: string,
  where: string,
): ConfigProblem[] {
  return references
    .filter((reference) => !known.has(reference.value))
    .map((reference) =>
      problemAt(reference, `unknown ${what} "${reference.value}"; ${what}s are defined in ${where}`),
    );
}

export function problemAt(item: Located<unknown>, message: string): ConfigProblem {
  return { file: item.file, line: item.lineOf(item.path), path: formatPath(item.path), message };
}
