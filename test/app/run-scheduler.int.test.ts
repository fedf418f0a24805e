// runScheduler as `pressmon schedule` and `pressmon run` start it, against the
// real Elasticsearch node, with the digest sender injected and a test clock.
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduler, type SendWeeklyDigests } from '../../app/run-scheduler.ts';
import { loadConfigOrThrow } from '../../config/index.ts';
import { loadSettings, type Settings } from '../../config/settings.ts';
import type { PressmonConfig } from '../../config/types.ts';
import { silentLogger } from '../../core/logger.ts';
import { latestJobRun, locksIndex } from '../../indexer/index.ts';
import { deleteTestIndices, testEsClient, testEsUrl, uniqueIndexPrefix } from '../support/elasticsearch.ts';

let client: Client;
let settings: Settings;
let config: PressmonConfig;

beforeAll(async () => {
  client = testEsClient();
  settings = loadSettings({
    ...process.env,
    PRESSMON_ES_URL: testEsUrl(),
    PRESSMON_INDEX_PREFIX: uniqueIndexPrefix('run-scheduler'),
    PRESSMON_MAX_CONCURRENT_JOBS: '4',
  });
  config = await loadConfigOrThrow({ configDir: settings.configDir, sourcesDir: settings.sourcesDir });
});

afterAll(async () => {
  await deleteTestIndices(client, settings.indexPrefix);
  await client.indices.delete({ index: locksIndex(settings.indexPrefix), ignore_unavailable: true });
  await client.close();
});

describe('the weekly digest under the scheduler', () => {
  it('calls the injected sender once per member time zone on Monday 07:00 local, for the week that ended', async () => {
    const calls: { week: string; timeZone: string; memberEmails: readonly string[] }[] = [];
    const sendWeeklyDigests: SendWeeklyDigests = async (week, { timeZone, memberEmails }) => {
      calls.push({ week, timeZone, memberEmails });
      return { status: 'ok', sent: memberEmails.length };
    };
    let clock = new Date('2026-11-30T04:59:00Z'); // Monday 06:59 in Bucharest, 05:59 in Warsaw
    const handle = await runScheduler(
      {
        settings,
        config: { ...config, sources: [] },
        client,
        logger: silentLogger(),
        sendWeeklyDigests,
        now: () => clock,
        ticker: () => () => undefined,
      },
      {},
    );
    await handle.scheduler.whenIdle();
    expect(calls).toEqual([]);

    clock = new Date('2026-11-30T05:00:30Z'); // 07:00 in Bucharest only
    await handle.scheduler.tick();
    await handle.scheduler.whenIdle();
    clock = new Date('2026-11-30T06:00:30Z'); // and now in Warsaw
    await handle.scheduler.tick();
    await handle.scheduler.whenIdle();
    await handle.scheduler.tick();
    await handle.scheduler.whenIdle();
    await handle.stop();
    await handle.stopped;

    const zones = [...new Set(config.members.map((member) => member.timeZone))].sort();
    expect(calls.map((call) => call.timeZone).sort()).toEqual(zones);
    expect(calls[0]).toMatchObject({ week: '2026-W48', timeZone: 'Europe/Bucharest' });
    for (const call of calls) {
      const members = config.members.filter((member) => member.timeZone === call.timeZone);
      expect(call.memberEmails).toEqual(members.map((member) => member.email));
      const run = await latestJobRun(client, settings.indexPrefix, `digest:${call.timeZone}`);
      expect(run).toMatchObject({ kind: 'digest', status: 'ok', interrupted: false });
      expect(run?.report).toMatchObject({ week: '2026-W48', result: { sent: members.length } });
    }
  });
});
