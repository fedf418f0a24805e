// Our robots.txt parser against Google's language-neutral compliance suite (test/fixtures/robots).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRobotsTxt } from '../../crawlers/robots-txt.ts';

interface Case {
  readonly source: string;
  readonly test_index: number;
  readonly robotstxt_base64: string;
  readonly url: string;
  readonly useragent: string;
  readonly expected: 'ALLOWED' | 'DISALLOWED';
  readonly test_type: 'STANDARD' | 'GOOGLE_SPECIFIC';
}

const CASES: readonly Case[] = readFileSync(
  path.join(import.meta.dirname, '../fixtures/robots/cases.jsonl'),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Case);

function outcome(entry: Case): 'ALLOWED' | 'DISALLOWED' {
  const robots = parseRobotsTxt(Buffer.from(entry.robotstxt_base64, 'base64'));
  return robots.isAllowed(entry.url, entry.useragent) ? 'ALLOWED' : 'DISALLOWED';
}

describe('robots.txt parser against google/robotstxt-spec-test', () => {
  it('has the 400 expectations of the suite', () => {
    expect(CASES).toHaveLength(400);
  });

  it.each(CASES.map((entry, index) => [`${entry.source}#${entry.test_index} (${index})`, entry] as const))(
    '%s',
    (_name, entry) => {
      expect(outcome(entry), `${entry.useragent} ${entry.url}`).toBe(entry.expected);
    },
  );
});
