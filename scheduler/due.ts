import { type CronSchedule, latestSlotAtOrBefore, nextSlotAfter, slotsBetween } from './cron-schedule.ts';

/** What a job does the first time it is ever scheduled (no run in its history). */
export type FirstRunPolicy =
  /** Run at once: a source never crawled is crawled at the first tick. */
  | 'immediately'
  /** Wait for the first slot after the scheduler started (a digest is never sent late on day one). */
  | 'next-slot';

export interface DueInput {
  readonly schedule: CronSchedule;
  readonly now: Date;
  /** Start of the job's latest completed (not interrupted) run, or null when it never completed one. */
  readonly lastCompletedStart: Date | null;
  /** When this scheduler started; bounds the `next-slot` policy. */
  readonly schedulerStartedAt: Date;
  readonly firstRun: FirstRunPolicy;
}

export type DueDecision =
  | {
      readonly isDue: true;
      /** The slot this run stands for: the latest one due (or `now` for a first run). */
      readonly slot: Date;
      /** Slots missed since the last completed run, this one included; they are caught up by one run. */
      readonly missedSlots: number;
    }
  | { readonly isDue: false; readonly reason: 'not-yet' | 'no-slot'; readonly nextAt: Date | null };

/** At most this many missed slots are counted (for the log line). */
const MISSED_COUNT_LIMIT = 1000;

/**
 * Whether a job is due at `now`: its latest slot came after the start of its
 * latest completed run. Missed slots (the scheduler was down, or the previous
 * run was still going) are caught up by one run, not one per slot. Pure.
 */
export function decideDue(input: DueInput): DueDecision {
  const { schedule, now, lastCompletedStart } = input;
  const latest = latestSlotAtOrBefore(schedule, now);
  if (lastCompletedStart === null) {
    if (input.firstRun === 'immediately') return { isDue: true, slot: latest ?? now, missedSlots: 1 };
    if (latest !== null && latest.getTime() >= input.schedulerStartedAt.getTime()) {
      return { isDue: true, slot: latest, missedSlots: 1 };
    }
    return notDue(schedule, now, latest);
  }
  if (latest === null || latest.getTime() <= lastCompletedStart.getTime()) {
    return notDue(schedule, now, latest);
  }
  const missedSlots = slotsBetween(schedule, lastCompletedStart, now, MISSED_COUNT_LIMIT).length;
  return { isDue: true, slot: latest, missedSlots: Math.max(1, missedSlots) };
}

function notDue(schedule: CronSchedule, now: Date, latest: Date | null): DueDecision {
  const nextAt = nextSlotAfter(schedule, now);
  return { isDue: false, reason: latest === null && nextAt === null ? 'no-slot' : 'not-yet', nextAt };
}
