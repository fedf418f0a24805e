import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that readers (and a process killed mid-way) see either the
 * old content or the new, never a part: the data goes to a temporary file in
 * the same folder, which is then renamed over the target. Creates the folder.
 */
export async function writeAtomically(filePath: string, data: string | Buffer): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const tmp = `${filePath}.${randomUUID()}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, filePath);
}
