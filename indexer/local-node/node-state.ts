import { readFile, writeFile } from 'node:fs/promises';

/** `node.json`: what the last start of the embedded node used. */
export interface NodeState {
  readonly version: string;
  readonly esHome: string;
  readonly port: number;
  readonly transportPort: number;
  readonly url: string;
  /** ISO time of the start. */
  readonly startedAt: string;
}

export async function readNodeState(stateFile: string): Promise<NodeState | null> {
  const text = await readFile(stateFile, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const state = JSON.parse(text) as Partial<NodeState>;
    return typeof state.version === 'string' && typeof state.port === 'number' ? (state as NodeState) : null;
  } catch {
    return null;
  }
}

export async function writeNodeState(stateFile: string, state: NodeState): Promise<void> {
  await writeFile(stateFile, `${JSON.stringify(state, null, 2)}\n`);
}
