/**
 * `npm run eval`: measures quality and compares every figure with its floor in
 * bench/baseline.json; exits 1 when one falls below its floor (or a floor names
 * a figure no evaluator produces), 0 otherwise. Only quality is checked, never
 * timings.
 *
 * The baseline is `{ <area>: { <group>: { <metric>: floor } } }`, e.g.
 * `extraction → scrapinghub-aeb → body.f1`. Each area has one evaluator in
 * EVALUATORS below (extraction, language, topics, stories). Raising or lowering a floor is a deliberate, visible commit.
 *
 * Usage: node bench/eval.ts [--baseline FILE] [--area NAME…]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureDedup } from './dedup/quality.ts';
import { type GroupFigures, measureExtraction } from './extract/quality.ts';
import { measureLanguage } from './language/quality.ts';
import { measureTopics } from './topics/quality.ts';

/** Floors of one area: group → metric → lowest acceptable value. */
type AreaFloors = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** An area's evaluator: measures and returns group → metric → value. */
type Evaluator = () => Record<string, GroupFigures> | Promise<Record<string, GroupFigures>>;

const EVALUATORS: Readonly<Record<string, Evaluator>> = {
  extraction: () => measureExtraction(),
  language: () => measureLanguage(),
  topics: () => measureTopics(),
  stories: () => measureDedup(),
};

/** One compared figure. */
interface Check {
  readonly name: string;
  readonly floor: number;
  readonly value: number | null;
}

function readBaseline(path: string): Record<string, AreaFloors> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('$'))) as Record<
    string,
    AreaFloors
  >;
}

function compare(area: string, floors: AreaFloors, figures: Record<string, GroupFigures> | null): Check[] {
  return Object.entries(floors).flatMap(([group, metrics]) =>
    Object.entries(metrics).map(([metric, floor]) => ({
      name: `${area}.${group}.${metric}`,
      floor,
      value: figures?.[group]?.[metric] ?? null,
    })),
  );
}

const { values } = parseArgs({
  options: {
    baseline: { type: 'string', default: join(import.meta.dirname, 'baseline.json') },
    area: { type: 'string', multiple: true },
  },
});
const baseline = readBaseline(values.baseline);
const checks: Check[] = [];
for (const [area, floors] of Object.entries(baseline)) {
  if (values.area !== undefined && !values.area.includes(area)) continue;
  const evaluator = EVALUATORS[area];
  if (evaluator === undefined) console.error(`eval: no evaluator for the area "${area}" of the baseline`);
  checks.push(...compare(area, floors, evaluator === undefined ? null : await evaluator()));
}
let failures = 0;
for (const { name, floor, value } of checks) {
  const isBelow = value === null || value < floor;
  if (isBelow) failures += 1;
  const shown = value === null ? 'missing' : value.toFixed(4);
  console.log(
    `${isBelow ? 'FAIL' : 'ok  '} ${name.padEnd(48)} ${shown.padStart(8)}  floor ${floor.toFixed(3)}`,
  );
}
console.log(`\n${checks.length - failures} of ${checks.length} figures at or above their floors`);
if (failures > 0 || checks.length === 0) process.exitCode = 1;
