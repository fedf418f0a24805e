// Regenerates config/SOURCES.md from config/sources/. Run: node scripts/render-sources-table.ts
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem, loadConfig, renderSourcesTable } from '../config/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const configDir = path.join(root, 'config');
const result = await loadConfig({ configDir, sourcesDir: path.join(configDir, 'sources') });
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  process.exitCode = 1;
} else {
  const target = path.join(configDir, 'SOURCES.md');
  await writeFile(target, renderSourcesTable(result.config.sources));
  console.log(`wrote ${path.relative(process.cwd(), target)} (${result.config.sources.length} sources)`);
}
