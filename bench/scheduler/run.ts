/**
 * Scheduler benchmark: the cost of the pure decisions the scheduler makes on
 * every tick (once a minute), for a coalition-sized configuration: 500
 * sources, a third of them crawled every 4 hours, the rest daily, in the five
 * countries' time zones; and the cost of counting missed slots after a long
 * downtime. Elasticsearch reads (history, locks) are not included.
 * Run: node bench/scheduler/run.ts
 */
import { performance } from 'node:perf_hooks';
import { compileSchedule, decideDue, slotsBetween } from '../../scheduler/index.ts';

const SOURCES = 500;
const ZONES = ['Europe/Bucharest', 'Europe/Chisinau', 'Europe/Warsaw', 'Europe/Kyiv', 'UTC'];
const TICKS = 20;

const compileStart = performance.now();
const schedules = Array.from({ length: SOURCES }, (_, index) =>
  compileSchedule(index % 3 === 0 ? '0 */4 * * *' : '0 6 * * *', ZONES[index % ZONES.length] ?? 'UTC'),
);
const compileMs = performance.now() - compileStart;

let due = 0;
const tickStart = performance.now();
for (let tick = 0; tick < TICKS; tick++) {
  const now = new Date(Date.UTC(2026, 2, 29, 0, tick * 7)); // across the March change
  for (const schedule of schedules) {
    const decision = decideDue({
      schedule,
      now,
      lastCompletedStart: new Date(now.getTime() - 26 * 3_600_000),
      schedulerStartedAt: now,
      firstRun: 'immediately',
    });
    if (decision.isDue) due++;
  }
}
const perTickMs = (performance.now() - tickStart) / TICKS;

const every15 = compileSchedule('*/15 * * * *', 'Europe/Warsaw');
const downtimeStart = performance.now();
const missed = slotsBetween(
  every15,
  new Date('2026-03-01T00:00:00Z'),
  new Date('2026-03-31T00:00:00Z'),
  10_000,
);
const downtimeMs = performance.now() - downtimeStart;

console.log(`compile ${SOURCES} schedules: ${compileMs.toFixed(1)} ms`);
console.log(
  `decide ${SOURCES} jobs (one tick): ${perTickMs.toFixed(1)} ms (${due / TICKS} due per tick on average)`,
);
console.log(
  `count missed slots of */15 over 30 days (incl. a DST change): ${missed.length} in ${downtimeMs.toFixed(1)} ms`,
);
