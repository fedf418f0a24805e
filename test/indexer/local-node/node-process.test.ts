import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isElasticsearchProcess,
  isProcessAlive,
  readPidFile,
  runningNodePid,
} from '../../../indexer/local-node/node-process.ts';
import { isPortTaken } from '../../../indexer/local-node/port.ts';

describe('pid files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pressmon-pid-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a pid and rejects a missing or garbled file', async () => {
    const file = path.join(dir, 'node.pid');
    expect(await readPidFile(file)).toBeNull();
    await writeFile(file, 'not a pid\n');
    expect(await readPidFile(file)).toBeNull();
    await writeFile(file, '4242\n');
    expect(await readPidFile(file)).toBe(4242);
  });

  it('removes a pid file whose process is gone', async () => {
    const file = path.join(dir, 'node.pid');
    await writeFile(file, '2147483646\n');
    expect(await runningNodePid(file)).toBeNull();
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
  });

  it('never treats a live process that is not Elasticsearch (a reused pid) as the node', async () => {
    const file = path.join(dir, 'node.pid');
    await writeFile(file, `${process.pid}\n`);
    expect(await isProcessAlive(process.pid)).toBe(true);
    expect(await isElasticsearchProcess(process.pid)).toBe(false);
    expect(await runningNodePid(file)).toBeNull();
  });
});

describe('isPortTaken', () => {
  it('sees a listener on 127.0.0.1 and a free port after it closes', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    expect(await isPortTaken(port)).toBe(true);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await isPortTaken(port)).toBe(false);
  });
});
