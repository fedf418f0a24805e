import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../dashboards/index.ts';
import { deleteTestIndices, testEsClient, testEsUrl, uniqueIndexPrefix } from '../support/elasticsearch.ts';
import { runCli } from '../support/run-cli.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/pressmon.js');
const client = testEsClient();
const prefix = uniqueIndexPrefix('dash-serve');

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

describe('pressmon serve', () => {
  it('--hash-password prints a hash of the password read on stdin', async () => {
    const result = await runCli(['serve', '--hash-password'], { stdin: 'a long enough password\n' });
    expect(result.code).toBe(0);
    const hash = result.stdout.trim();
    expect(await verifyPassword('a long enough password', hash)).toBe(true);
  });

  it('--hash-password refuses a short password', async () => {
    const result = await runCli(['serve', '--hash-password'], { stdin: 'short\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('at least 10 characters');
  });

  it('serves until SIGTERM, then exits 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
      env: {
        ...process.env,
        PRESSMON_ES_URL: testEsUrl(),
        PRESSMON_INDEX_PREFIX: prefix,
        PRESSMON_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await expect.poll(() => stdout, { timeout: 60_000, interval: 200 }).toContain(`http://127.0.0.1:${port}`);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    const search = await fetch(`http://127.0.0.1:${port}/api/search`);
    expect(search.status).toBe(401);
    child.kill('SIGTERM');
    expect(await exited, stderr).toBe(0);
  });
});
