import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const CONFIG = path.resolve(import.meta.dirname, '../../config');

describe('pressmon config check', () => {
  let brokenDir: string;

  beforeAll(async () => {
    brokenDir = await mkdtemp(path.join(tmpdir(), 'pressmon-config-'));
    await cp(CONFIG, brokenDir, { recursive: true });
    // A taxonomy keeper's typo: a weight that is not a number, on line 4.
    await writeFile(
      path.join(brokenDir, 'topics/trafficking.yaml'),
      [
        'id: trafficking',
        'labels: { ro: Trafic de persoane, pl: Handel ludźmi, en: Trafficking, ru: Торговля людьми, uk: Торгівля людьми }',
        'description: Trafficking in human beings.',
        'weight: heavy',
        'terms:',
        '  en: [trafficking]',
        'examples:',
        '  match: []',
        '  noMatch: []',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await rm(brokenDir, { recursive: true, force: true });
  });

  it('accepts the shipped configuration and runs every topic example', async () => {
    const result = await runCli(['config', 'check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^config: \d+ sources, 15 topics, \d+ organisations, \d+ members, \d+ places, 8 frames: valid$/m,
    );
    for (const kind of ['topic', 'frame']) {
      const [, passed, total] =
        new RegExp(`${kind} examples: (\\d+) of (\\d+) pass`).exec(result.stdout) ?? [];
      expect(Number(total), kind).toBeGreaterThan(0);
      expect(passed, kind).toBe(total);
    }
  });

  it('names the file, line and path of a broken value and exits 1', async () => {
    const result = await runCli(['config', 'check'], { env: { PRESSMON_CONFIG_DIR: brokenDir } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/topics\/trafficking\.yaml:4: weight: .*number/);
  });

  it('stops any command that needs the configuration with the same message', async () => {
    const result = await runCli(['tag', '--lang', 'en'], {
      env: { PRESSMON_CONFIG_DIR: brokenDir },
      stdin: 'Victims of human trafficking were rescued.',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/trafficking\.yaml:4: weight: /);
  });
});
