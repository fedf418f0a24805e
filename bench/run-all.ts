// Runs every benchmark in turn and prints their figures (no asserts: quality
// floors live in `npm run eval`). Those that need Elasticsearch start the
// embedded node (or use PRESSMON_ES_URL). Usage: node bench/run-all.ts [name…]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const BENCH = import.meta.dirname;
const ORDER = [
  'language',
  'topics',
  'extract',
  'dedup',
  'pipeline',
  'crawl',
  'index',
  'search',
  'scheduler',
  'dashboard',
  'digest',
];
const available = readdirSync(BENCH).filter((name) => existsSync(path.join(BENCH, name, 'run.ts')));
const wanted = process.argv.slice(2);
const names = (wanted.length > 0 ? wanted : ORDER.filter((name) => available.includes(name))).filter(
  (name) => {
    if (available.includes(name)) return true;
    console.error(`bench: no benchmark "${name}" (have: ${available.join(', ')})`);
    process.exitCode = 1;
    return false;
  },
);
for (const name of names) {
  console.log(`\n=== bench/${name}`);
  const result = spawnSync(process.execPath, [path.join(BENCH, name, 'run.ts')], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`bench/${name} exited ${result.status}`);
    process.exitCode = 1;
  }
}
