import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRelativeDate, parseTextDate } from '../../../pipeline/extract/index.ts';

/**
 * Every case of test/fixtures/dates/dateparser-cases.jsonl (dateparser's own
 * test expectations in ro, pl, ru, uk, en, hu, de; see the README there) run
 * through the text-date and relative-date readers. dateparser reads far more
 * than a news page prints (decades, weekdays, bare clock times), so this
 * measures a pass rate and pins its floor per language rather than asking for
 * every case.
 */
interface DateCase {
  lang: string;
  test: string;
  line: number;
  text: string;
  expected?: number[];
  ago?: Record<string, number>;
}

const CASES = readFileSync(join(import.meta.dirname, '../../fixtures/dates/dateparser-cases.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as DateCase);

/** dateparser's RELATIVE_BASE for absolute cases, and its `now` for relative ones. */
const ABSOLUTE_BASE = '2012-11-13T00:00:00.000Z';
const RELATIVE_NOW = '2014-09-01T10:30:00.000Z';

/** `now` minus a relativedelta: years and months first (day clamped to the month's end), then the rest. */
function minusDelta(now: string, ago: Record<string, number>): number {
  const date = new Date(now);
  const months = (ago.years ?? 0) * 12 + (ago.months ?? 0);
  if (months !== 0) {
    const day = date.getUTCDate();
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() - months);
    const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    date.setUTCDate(Math.min(day, lastDay));
  }
  const seconds =
    ((ago.weeks ?? 0) * 7 + (ago.days ?? 0)) * 86_400 +
    (ago.hours ?? 0) * 3600 +
    (ago.minutes ?? 0) * 60 +
    (ago.seconds ?? 0);
  return date.getTime() - seconds * 1000;
}

function expectedMs(item: DateCase): number {
  if (item.ago !== undefined) return minusDelta(RELATIVE_NOW, item.ago);
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = item.expected ?? [];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function parsedMs(item: DateCase): number | null {
  const now = item.ago === undefined ? ABSOLUTE_BASE : RELATIVE_NOW;
  const iso = parseRelativeDate(item.text, now, 'UTC') ?? parseTextDate(item.text, 'UTC', now);
  return iso === null ? null : Date.parse(iso);
}

function passes(item: DateCase): boolean {
  const got = parsedMs(item);
  return got !== null && Math.abs(got - expectedMs(item)) <= 60_000;
}

/** Lowest pass rate per language (reached rates, rounded down). */
const FLOORS: Record<string, number> = { en: 0.46, ro: 0.75, pl: 0.8, ru: 0.62, uk: 1, de: 0.52 };

describe('dateparser test cases in ro, pl, ru, uk, en, hu, de', () => {
  it('has cases in every language', () => {
    for (const lang of Object.keys(FLOORS))
      expect(
        CASES.some((item) => item.lang === lang),
        lang,
      ).toBe(true);
  });

  it('reaches the pass-rate floor in each language', () => {
    const rates: Record<string, string> = {};
    for (const [lang, floor] of Object.entries(FLOORS)) {
      const cases = CASES.filter((item) => item.lang === lang);
      const passed = cases.filter(passes).length;
      rates[lang] = `${passed}/${cases.length}`;
      expect(passed / cases.length, `${lang}: ${passed}/${cases.length}`).toBeGreaterThanOrEqual(floor);
    }
    const total = CASES.filter(passes).length;
    console.info(`dateparser cases passed: ${total}/${CASES.length}`, rates);
  });
});
