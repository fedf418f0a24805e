/**
 * Equivalence check of scan-html.ts: parses every HTML page under
 * ../shared/data (extraction sets and any other .html / .html.gz) and the
 * test fixtures with the old path (reference-parse.ts: the old prepareHtml,
 * then htmlparser2) and with parseHtml, and compares the trees node by node:
 * type, name, attributes in order, text, and the parent/prev/next links.
 * Prints the number of identical trees and the first difference of each
 * other page; exits with 1 when a tree differs.
 * Usage: node bench/extract/parse-equivalence.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AnyNode } from 'domhandler';
import { EXTRACTION_LIMITS } from '../../pipeline/extract/index.ts';
import { parseHtml } from '../../pipeline/extract/parse-html.ts';
import { prepareHtml } from '../../pipeline/extract/prepare-html.ts';
import { SHARED_DATA } from '../support/shared-data.ts';
import { referenceParse } from './reference-parse.ts';

const LIMITS = { maxChars: EXTRACTION_LIMITS.maxHtmlChars, maxDepth: EXTRACTION_LIMITS.maxNestingDepth };
const FIXTURES = join(import.meta.dirname, '../../test/fixtures');

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.html?(\.gz)?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** One node, without its children: what must be equal. */
function describeNode(node: AnyNode): string {
  const name = 'name' in node ? node.name : '';
  const attributes = 'attribs' in node ? JSON.stringify(Object.entries(node.attribs)) : '';
  const data = 'data' in node ? JSON.stringify(node.data) : '';
  return `${node.type}:${name}${attributes}${data}`;
}

/** The first difference between two trees, as a path and both nodes, or null when they are the same. */
export function firstDifference(expected: AnyNode, actual: AnyNode): string | null {
  const pending: [AnyNode, AnyNode, string][] = [[expected, actual, '']];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const [left, right, path] = item;
    const here = `${path}/${'name' in left ? left.name : left.type}`;
    if (describeNode(left) !== describeNode(right))
      return `${here}: expected ${describeNode(left).slice(0, 300)}, got ${describeNode(right).slice(0, 300)}`;
    const leftChildren = 'children' in left ? left.children : [];
    const rightChildren = 'children' in right ? right.children : [];
    if (leftChildren.length !== rightChildren.length) {
      const summary = (nodes: AnyNode[]): string =>
        nodes.map((node) => describeNode(node).slice(0, 60)).join(' | ');
      return `${here}: ${leftChildren.length} children expected, ${rightChildren.length} got\n    expected ${summary(leftChildren).slice(0, 600)}\n    got      ${summary(rightChildren).slice(0, 600)}`;
    }
    rightChildren.forEach((child, index) => {
      if (
        child.parent !== right ||
        child.prev !== (rightChildren[index - 1] ?? null) ||
        child.next !== (rightChildren[index + 1] ?? null)
      )
        throw new Error(`${here}: broken links at child ${index}`);
    });
    for (let index = leftChildren.length - 1; index >= 0; index -= 1) {
      const left = leftChildren[index];
      const right = rightChildren[index];
      if (left !== undefined && right !== undefined) pending.push([left, right, `${here}[${index}]`]);
    }
  }
  return null;
}

const files = [...htmlFiles(SHARED_DATA), ...htmlFiles(FIXTURES)];
let identical = 0;
for (const file of files) {
  const raw = readFileSync(file);
  const html = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const root = parseHtml(prepareHtml(html, LIMITS)).root()[0];
  const difference = root === undefined ? 'no root' : firstDifference(referenceParse(html, LIMITS), root);
  if (difference === null) identical += 1;
  else console.log(`${relative(join(SHARED_DATA, '..'), file)}\n  ${difference}`);
}
console.log(`${identical} of ${files.length} trees identical`);
process.exitCode = identical === files.length ? 0 : 1;
