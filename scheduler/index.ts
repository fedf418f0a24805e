// The scheduler: when each job is due (pure functions over cron expressions in
// time zones, daylight saving included), and a loop that runs due jobs once
// across processes, with locks and run history kept in Elasticsearch.
export {
  type CronSchedule,
  compileSchedule,
  latestSlotAtOrBefore,
  nextSlotAfter,
  slotsBetween,
} from './cron-schedule.ts';
export { type DueDecision, type DueInput, decideDue, type FirstRunPolicy } from './due.ts';
export { isoWeekOf, lastCompleteIsoWeek } from './iso-week.ts';
export { elasticsearchJobStore, type JobLock, type JobLockAttempt, type JobStore } from './job-store.ts';
export { type JobPlan, planJobs } from './plan-jobs.ts';
export {
  everyMinute,
  type JobContext,
  type JobOutcome,
  type ScheduledJob,
  type Scheduler,
  type SchedulerDeps,
  type SchedulerOptions,
  startScheduler,
  type Ticker,
} from './scheduler.ts';
