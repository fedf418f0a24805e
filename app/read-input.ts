import { readFile } from 'node:fs/promises';
import { ConfigError } from '../core/errors.ts';

/** Reads all of standard input as UTF-8 text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads a JSON-lines file and checks each line with `parse`. Problems name the
 * file and line; blank lines are skipped.
 */
export async function readJsonLines<T>(file: string, parse: (value: unknown) => T | string): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  const items: T[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ConfigError(`${file}:${index + 1}: not valid JSON`);
    }
    const parsed = parse(value);
    if (typeof parsed === 'string') throw new ConfigError(`${file}:${index + 1}: ${parsed}`);
    items.push(parsed);
  }
  return items;
}

/** Checks that `value` is an object whose `keys` are strings; returns a message otherwise. */
export function requireStringFields<K extends string>(
  value: unknown,
  keys: readonly K[],
): Record<K, string> | string {
  if (typeof value !== 'object' || value === null) return 'expected a JSON object';
  const record = value as Record<string, unknown>;
  for (const key of keys) {
    if (typeof record[key] !== 'string') return `expected "${key}" to be a string`;
  }
  return record as Record<K, string>;
}
