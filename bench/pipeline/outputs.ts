/**
 * The pipeline's output for every page of the pipeline benchmark, one JSON
 * line per page, to prove that an optimisation changed nothing:
 *
 *   node bench/pipeline/outputs.ts write /tmp/before.jsonl
 *   ...change the code...
 *   node bench/pipeline/outputs.ts compare /tmp/before.jsonl
 *
 * `compare` prints each page whose output differs, with the first differing
 * fields, and exits 1 when any does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { processPage } from '../../pipeline/index.ts';
import { benchContext, readBenchPages } from './pages.ts';

const [mode, file] = process.argv.slice(2);
if ((mode !== 'write' && mode !== 'compare') || file === undefined) {
  console.error('usage: node bench/pipeline/outputs.ts write|compare FILE');
  process.exit(2);
}

const context = await benchContext();
const lines = readBenchPages().map(({ page }) =>
  JSON.stringify({ url: page.url, result: processPage(page, context) }),
);

if (mode === 'write') {
  writeFileSync(file, `${lines.join('\n')}\n`);
  console.log(`${lines.length} outputs written to ${file}`);
} else {
  const before = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
  let differing = 0;
  lines.forEach((line, index) => {
    const was = before[index];
    if (was === line) return;
    differing += 1;
    const now = JSON.parse(line) as { url: string; result: Record<string, unknown> };
    const old = was === undefined ? { result: {} } : (JSON.parse(was) as { result: Record<string, unknown> });
    const fields = fieldsThatDiffer(old.result, now.result);
    console.log(`${now.url}: ${fields.slice(0, 5).join(', ')}`);
  });
  console.log(`${differing} of ${lines.length} outputs differ from ${file}`);
  process.exitCode = differing === 0 && before.length === lines.length ? 0 : 1;
}

function fieldsThatDiffer(old: unknown, now: unknown, path = ''): string[] {
  if (isDeepStrictEqual(old, now)) return [];
  if (typeof old !== 'object' || typeof now !== 'object' || old === null || now === null)
    return [path || '(root)'];
  const keys = new Set([...Object.keys(old), ...Object.keys(now)]);
  return [...keys].flatMap((key) =>
    fieldsThatDiffer(
      (old as Record<string, unknown>)[key],
      (now as Record<string, unknown>)[key],
      path === '' ? key : `${path}.${key}`,
    ),
  );
}
