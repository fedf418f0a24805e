import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIsoWeek } from '../../digest/iso-week.ts';
import { loadWeekMaterial } from '../../digest/load-week.ts';
import { ensureIndices } from '../../indexer/ensure-indices.ts';
import type { Article } from '../../pipeline/types.ts';
import { deleteTestIndices, testEsClient, uniqueIndexPrefix } from '../support/elasticsearch.ts';
import { digestArticle, indexAsCrawled, MEMBERS } from './digest-fixtures.ts';

// Which week's digest an article goes into, when the crawl finds it late.
// Sam reads in Europe/Bucharest: 2026-W03 is [2026-01-11T22:00Z, 2026-01-18T22:00Z),
// and its digest goes out on Monday morning, 2026-01-19.

const client = testEsClient();
const prefix = uniqueIndexPrefix('digest-late');
const sam = MEMBERS.sam;
const WEEKS = ['2025-W45', '2026-W02', '2026-W03', '2026-W04', '2026-W05'] as const;

interface Case {
  readonly article: Article;
  readonly firstSeenAt: string;
}

function late(slug: string, publishedAt: string | null, firstSeenAt: string): Case {
  return {
    article: digestArticle({ slug, title: `Asylum: ${slug}`, publishedAt, topics: ['asylum'] }),
    firstSeenAt,
  };
}

const CASES = {
  // Published Sunday afternoon, found by the Monday-morning crawl after W03 had ended.
  sundayFoundMonday: late('sunday-found-monday', '2026-01-18T15:00:00Z', '2026-01-19T05:00:00Z'),
  // The same Sunday article found ten minutes after it appeared.
  sundayFoundSunday: late('sunday-found-sunday', '2026-01-18T15:00:00Z', '2026-01-18T15:10:00Z'),
  // Old coverage a site search found this week.
  oldFoundNow: late('old-found-now', '2025-11-03T10:00:00Z', '2026-01-14T10:00:00Z'),
  // Published in W02, first found in W04: more than a week late.
  twoWeeksLate: late('two-weeks-late', '2026-01-07T10:00:00Z', '2026-01-20T10:00:00Z'),
  // No date on the page: the week it was first found in.
  undated: late('undated', null, '2026-01-20T10:00:00Z'),
} as const;

let spoolDir: string;

/** Titles of Sam's articles in the digest of `week`, and the count of the week before as the digest shows it. */
async function digestOf(week: string): Promise<{ titles: string[]; previousTotal: number }> {
  const parsed = parseIsoWeek(week);
  if (parsed === null) throw new Error(week);
  const material = await loadWeekMaterial(client, prefix, [sam], parsed, 2);
  const [own] = material.members;
  return {
    titles: (own?.selected ?? []).map((selected) => selected.article.title).sort(),
    previousTotal: own?.previous.total ?? -1,
  };
}

beforeAll(async () => {
  spoolDir = await mkdtemp(path.join(tmpdir(), 'pressmon-digest-late-'));
  await ensureIndices(client, prefix);
  await indexAsCrawled({
    client,
    prefix,
    spoolDir,
    articles: Object.values(CASES).map((item) => item.article),
    firstSeenAt: Object.fromEntries(Object.values(CASES).map((item) => [item.article.url, item.firstSeenAt])),
  });
});

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
  await rm(spoolDir, { recursive: true, force: true });
});

describe('the week an article belongs to', () => {
  let digests: Record<string, { titles: string[]; previousTotal: number }>;
  beforeAll(async () => {
    digests = {};
    for (const week of WEEKS) digests[week] = await digestOf(week);
  });

  const weeksOf = (item: Case): string[] =>
    WEEKS.filter((week) => digests[week]?.titles.includes(item.article.title));

  it("puts a Sunday article first seen on Monday into the next week's digest, once", () => {
    expect(weeksOf(CASES.sundayFoundMonday)).toEqual(['2026-W04']);
  });

  it('keeps an article seen before its week ended in the week it was published', () => {
    expect(weeksOf(CASES.sundayFoundSunday)).toEqual(['2026-W03']);
  });

  it('leaves out old coverage first seen this week, and articles more than a week late', () => {
    expect(weeksOf(CASES.oldFoundNow)).toEqual([]);
    expect(weeksOf(CASES.twoWeeksLate)).toEqual([]);
  });

  it('puts an article without a date in the week it was first seen', () => {
    expect(weeksOf(CASES.undated)).toEqual(['2026-W04']);
  });

  it("counts the week before (the digest's comparison) by the same rule", () => {
    expect(digests['2026-W04']?.previousTotal).toBe(digests['2026-W03']?.titles.length);
    expect(digests['2026-W05']?.previousTotal).toBe(digests['2026-W04']?.titles.length);
    expect(digests['2026-W04']?.titles).toHaveLength(2);
  });
});
