import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

// DESIGN §5: every command has --help, exits 0 on success and non-zero with a
// one-line reason on failure; commands not built yet say so.
const COMMANDS = [
  ['run'],
  ['es', 'start'],
  ['es', 'stop'],
  ['es', 'status'],
  ['es', 'migrate'],
  ['crawl'],
  ['process'],
  ['detect'],
  ['tag'],
  ['index'],
  ['search'],
  ['reprocess'],
  ['digest', 'preview'],
  ['digest', 'send'],
  ['serve'],
  ['schedule'],
  ['config', 'check'],
  ['status'],
] as const;

describe('the pressmon command line', () => {
  it('lists every command of the contract in its top-level help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toContain(command[0]);
  });

  it.each(COMMANDS.map((command) => command.join(' ')))('answers --help for %s', async (command) => {
    const result = await runCli([...command.split(' '), '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pressmon /);
  });

  it('exits 2 with usage help on an unknown command', async () => {
    const result = await runCli(['crawlx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'crawlx'");
  });

  it('names the bad setting in one line when an environment variable is wrong', async () => {
    // The port of the embedded node: read only when no external cluster is named.
    const result = await runCli(['es', 'status'], { env: { PRESSMON_ES_PORT: 'abc', PRESSMON_ES_URL: '' } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'pressmon: PRESSMON_ES_PORT must be a port number (1-65535), got "abc"',
    );
  });

  it('refuses to manage the embedded node when an external cluster is configured', async () => {
    const result = await runCli(['es', 'start'], { env: { PRESSMON_ES_URL: 'http://127.0.0.1:1' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/manages only the embedded node/);
  });
});
