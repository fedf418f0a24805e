import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

// DESIGN §5: `process --url URL --html FILE` prints the Article as JSON;
// `process --jsonl FILE` prints one JSON line per input line, in order.
const FIXTURE = join(import.meta.dirname, '../fixtures/pages/bbc');

function fixturePage(): { url: string; html: string; htmlFile: string } {
  const [folder] = readdirSync(FIXTURE);
  const root = join(FIXTURE, folder ?? '');
  const meta = JSON.parse(readFileSync(join(root, 'meta.json'), 'utf8')) as { url: string };
  return {
    url: meta.url,
    html: readFileSync(join(root, 'source.html'), 'utf8'),
    htmlFile: join(root, 'source.html'),
  };
}

describe('pressmon process', () => {
  it('prints the Article of one saved page', async () => {
    const { url, htmlFile } = fixturePage();
    const result = await runCli(['process', '--url', url, '--html', htmlFile]);
    expect(result.code, result.stderr).toBe(0);
    const article = JSON.parse(result.stdout) as { url: string; title: string; body: string };
    expect(article.url).toBe(url);
    expect(article.title).not.toBe('');
    expect(article.body.length).toBeGreaterThan(500);
  }, 60_000);

  it('prints one JSON line per input line of a batch, a non-article as its reason', async () => {
    const { url, html } = fixturePage();
    const file = join(mkdtempSync(join(tmpdir(), 'pressmon-process-')), 'pages.jsonl');
    const lines = [
      { url, html },
      { url: 'https://news.example/a/2', html: '<html><body><p>Too short.</p></body></html>' },
    ];
    writeFileSync(file, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const result = await runCli(['process', '--jsonl', file]);
    expect(result.code, result.stderr).toBe(0);
    const output = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(output).toHaveLength(2);
    expect(output[0]?.url).toBe(url);
    expect(output[1]).toMatchObject({ notAnArticle: 'too-short' });
  }, 60_000);
});
