import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ConfigProblem } from './problems.ts';
import { COUNTRY_CODES } from './schemas/common.ts';
import type { CountryCode } from './types.ts';

const YAML_FILE = /\.ya?ml$/;

export interface SourceFileEntry {
  readonly file: string;
  /** The country named by the folder the file is in. */
  readonly folderCountry: CountryCode;
  /** The file name without `.yaml`: the id the file must declare. */
  readonly baseName: string;
}

export interface Listing<T> {
  readonly entries: readonly T[];
  readonly problems: readonly ConfigProblem[];
}

/** Lists `<sourcesDir>/<country>/<id>.yaml`; anything else in the folder is a problem. */
export async function listSourceFiles(sourcesDir: string): Promise<Listing<SourceFileEntry>> {
  const top = await readDirectory(sourcesDir);
  if (!top.ok) return { entries: [], problems: [top.problem] };
  const entries: SourceFileEntry[] = [];
  const problems: ConfigProblem[] = [];
  for (const entry of top.entries) {
    const entryPath = path.join(sourcesDir, entry.name);
    const country = COUNTRY_CODES.find((code) => code === entry.name);
    if (!entry.isDirectory()) {
      if (YAML_FILE.test(entry.name)) {
        problems.push(
          problemAt(entryPath, `put source files in a country folder: ${COUNTRY_CODES.join(', ')}`),
        );
      }
      continue;
    }
    if (country === undefined) {
      problems.push(problemAt(entryPath, `unknown country folder; use one of ${COUNTRY_CODES.join(', ')}`));
      continue;
    }
    const inner = await readDirectory(entryPath);
    if (!inner.ok) {
      problems.push(inner.problem);
      continue;
    }
    for (const file of inner.entries) {
      if (!file.isFile() || !YAML_FILE.test(file.name)) continue;
      entries.push({
        file: path.join(entryPath, file.name),
        folderCountry: country,
        baseName: file.name.replace(YAML_FILE, ''),
      });
    }
  }
  return { entries, problems };
}

/** Lists the `.yaml` files of a folder (topics/), sorted by name. */
export async function listYamlFiles(directory: string): Promise<Listing<string>> {
  const listed = await readDirectory(directory);
  if (!listed.ok) return { entries: [], problems: [listed.problem] };
  const entries = listed.entries
    .filter((entry) => entry.isFile() && YAML_FILE.test(entry.name))
    .map((entry) => path.join(directory, entry.name));
  return { entries, problems: [] };
}

type ReadDirectory = { ok: true; entries: readonly Dirent[] } | { ok: false; problem: ConfigProblem };

async function readDirectory(directory: string): Promise<ReadDirectory> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    return { ok: true, entries: entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'folder not found' : `cannot read the folder (${code ?? String(error)})`;
    return { ok: false, problem: problemAt(directory, reason) };
  }
}

function problemAt(file: string, message: string): ConfigProblem {
  return { file, line: null, path: '', message };
}
