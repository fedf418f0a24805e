import type { ScheduleSettings } from '../config/settings.ts';
import type { Member, SourceConfig } from '../config/types.ts';

/** One job the scheduler runs, as data: what, when and in which time zone. */
export type JobPlan =
  | {
      readonly kind: 'crawl';
      /** `crawl:<source id>`: the key of its lock and of its run history. */
      readonly id: string;
      readonly expression: string;
      readonly timeZone: string;
      readonly sourceId: string;
    }
  | {
      readonly kind: 'digest';
      /** `digest:<time zone>`: one job per member time zone. */
      readonly id: string;
      readonly expression: string;
      readonly timeZone: string;
      readonly memberEmails: readonly string[];
    };

/**
 * The scheduler's jobs: one crawl per source (its own `schedule`, read in its
 * time zone, or daily at `crawlHour`), and one weekly digest per member time
 * zone (so Monday 07:00 is 07:00 where each member lives). Pure.
 */
export function planJobs(
  sources: readonly Pick<SourceConfig, 'id' | 'schedule' | 'timeZone'>[],
  members: readonly Pick<Member, 'email' | 'timeZone'>[],
  settings: Pick<ScheduleSettings, 'crawlHour' | 'digestSchedule'>,
): JobPlan[] {
  const crawls: JobPlan[] = sources.map((source) => ({
    kind: 'crawl',
    id: `crawl:${source.id}`,
    expression: source.schedule ?? `0 ${settings.crawlHour} * * *`,
    timeZone: source.timeZone,
    sourceId: source.id,
  }));
  const zones = [...new Set(members.map((member) => member.timeZone))].sort();
  const digests: JobPlan[] = zones.map((timeZone) => ({
    kind: 'digest',
    id: `digest:${timeZone}`,
    expression: settings.digestSchedule,
    timeZone,
    memberEmails: members.filter((member) => member.timeZone === timeZone).map((member) => member.email),
  }));
  return [...crawls, ...digests];
}
