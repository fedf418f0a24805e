import { describe, expect, it } from 'vitest';
import { planJobs } from '../../scheduler/index.ts';

const SETTINGS = { crawlHour: 6, digestSchedule: '0 7 * * 1' };

describe('the jobs planned from sources and members', () => {
  it('crawls each source on its own schedule in its time zone, others daily at the configured hour', () => {
    const plans = planJobs(
      [
        { id: 'agerpres', timeZone: 'Europe/Bucharest', schedule: '0 */4 * * *' },
        { id: 'oko-press', timeZone: 'Europe/Warsaw' },
      ],
      [],
      SETTINGS,
    );
    expect(plans).toEqual([
      {
        kind: 'crawl',
        id: 'crawl:agerpres',
        expression: '0 */4 * * *',
        timeZone: 'Europe/Bucharest',
        sourceId: 'agerpres',
      },
      {
        kind: 'crawl',
        id: 'crawl:oko-press',
        expression: '0 6 * * *',
        timeZone: 'Europe/Warsaw',
        sourceId: 'oko-press',
      },
    ]);
  });

  it('sends the digest once per member time zone, to that zone members', () => {
    const plans = planJobs(
      [],
      [
        { email: 'ana@example.org', timeZone: 'Europe/Bucharest' },
        { email: 'jan@example.org', timeZone: 'Europe/Warsaw' },
        { email: 'sam@example.org', timeZone: 'Europe/Bucharest' },
      ],
      SETTINGS,
    );
    expect(plans).toEqual([
      {
        kind: 'digest',
        id: 'digest:Europe/Bucharest',
        expression: '0 7 * * 1',
        timeZone: 'Europe/Bucharest',
        memberEmails: ['ana@example.org', 'sam@example.org'],
      },
      {
        kind: 'digest',
        id: 'digest:Europe/Warsaw',
        expression: '0 7 * * 1',
        timeZone: 'Europe/Warsaw',
        memberEmails: ['jan@example.org'],
      },
    ]);
  });
});
