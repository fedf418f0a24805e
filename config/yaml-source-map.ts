import { isMap, isNode, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

/** A path into a YAML value: map keys and sequence indexes. */
export type ValuePath = readonly PropertyKey[];

export interface YamlSyntaxProblem {
  readonly line: number | null;
  readonly message: string;
}

/** A parsed YAML text, its syntax problems, and a way back from a value path to a line. */
export interface ParsedYaml {
  /** The plain value (undefined when the text has syntax problems). */
  readonly value: unknown;
  readonly syntaxProblems: readonly YamlSyntaxProblem[];
  /**
   * The 1-based line of the node at `path`: the line of its key for a map
   * entry, of its `-` for a sequence item. When the path does not exist (a
   * missing key) the line of the nearest existing parent; null for an empty text.
   */
  lineOf(path: ValuePath): number | null;
}

/** Parses YAML keeping line positions; syntax errors are returned, not thrown. */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  const syntaxProblems = doc.errors.map((error) => ({
    line: lineAt(error.pos[0]),
    message: firstLine(error.message),
  }));
  const lineOf = (path: ValuePath): number | null => {
    const root = doc.contents;
    if (!isNode(root)) return text.trim() === '' ? null : 1;
    return lineOfPath(root, path, lineAt);
  };
  return { value: syntaxProblems.length === 0 ? doc.toJS() : undefined, syntaxProblems, lineOf };
}

function lineOfPath(root: Node, path: ValuePath, lineAt: (offset: number) => number): number {
  let node: unknown = root;
  let line = startLine(root, lineAt) ?? 1;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) break;
      line = startLine(pair.key, lineAt) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      line = startLine(item, lineAt) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

function startLine(node: unknown, lineAt: (offset: number) => number): number | null {
  if (!isNode(node) || node.range == null) return null;
  return lineAt(node.range[0]);
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}
