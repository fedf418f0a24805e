import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../app/digest.ts';
import { loadConfigOrThrow } from '../../config/index.ts';
import { type DigestSettings, loadSettings } from '../../config/settings.ts';
import type { Member } from '../../config/types.ts';
import { silentLogger } from '../../core/logger.ts';
import { type RunningDashboards, startDashboards } from '../../dashboards/index.ts';
import type { DigestContext } from '../../digest/index.ts';
import { sendWeeklyDigests } from '../../digest/index.ts';
import { getDigestRecord } from '../../indexer/digest-records.ts';
import { ensureIndices } from '../../indexer/ensure-indices.ts';
import { indexNames } from '../../indexer/index-names.ts';
import { getUnsubscription } from '../../indexer/unsubscriptions.ts';
import { deleteTestIndices, testEsClient, testEsUrl, uniqueIndexPrefix } from '../support/elasticsearch.ts';
import { runCli } from '../support/run-cli.ts';
import { indexAsCrawled, MEMBERS, testVocabulary, WEEK, weekCorpus } from './digest-fixtures.ts';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from './smtp-sink.ts';

// The whole loop: a digest carries the one-click link, the member's mail
// client POSTs it to the dashboards, the next run skips the member, an admin
// resubscribes them from the command line, and the run after that sends again.

const client = testEsClient();
const prefix = uniqueIndexPrefix('digest-unsub');
const SECRET = 'unsubscribe-test-secret';
const PUBLIC_URL = 'https://pressmon.coalition.example.org';
const NEXT_WEEK = '2026-W04';
const SETTINGS: DigestSettings = {
  from: 'Coalition digest <digest@coalition.example.org>',
  publicUrl: PUBLIC_URL,
  unsubscribeSecret: SECRET,
  unsubscribeMailto: 'unsubscribe@coalition.example.org',
  minRelevance: 2,
};
const members: readonly Member[] = [MEMBERS.ana, MEMBERS.sam];
const cliEnv = { PRESSMON_ES_URL: testEsUrl(), PRESSMON_INDEX_PREFIX: prefix };

let sink: SmtpSink;
let dataDir: string;
let dashboards: RunningDashboards;

function context(): DigestContext {
  return {
    client,
    indexPrefix: prefix,
    config: { ...testVocabulary(), members },
    settings: SETTINGS,
    defaultTimeZone: 'Europe/Bucharest',
    mailer: createSmtpMailer({ host: '127.0.0.1', port: sink.port, secure: false, auth: null }),
    logger: silentLogger(),
    retry: { attempts: 2, baseDelayMs: 1, factor: 2 },
  };
}

/** The HTTPS link of a received digest's List-Unsubscribe header, moved to the test's dashboards. */
function oneClickLink(mail: ReceivedMail): string {
  const line = mail.parsed.headerLines.find((header) => header.key === 'list-unsubscribe')?.line ?? '';
  const https = /<(https:\/\/[^>]+)>/.exec(line.replace(/\r?\n\s+/g, ''))?.[1];
  if (https === undefined) throw new Error(`no HTTPS unsubscribe link in: ${line}`);
  expect(https.startsWith(`${PUBLIC_URL}/digest/unsubscribe?`)).toBe(true);
  return `${dashboards.url}${https.slice(PUBLIC_URL.length)}`;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pressmon-digest-unsub-'));
  sink = await startSmtpSink();
  await ensureIndices(client, prefix);
  await indexAsCrawled({ client, prefix, articles: weekCorpus(), spoolDir: path.join(dataDir, 'spool') });
  const settings = loadSettings({
    PRESSMON_ES_URL: testEsUrl(),
    PRESSMON_INDEX_PREFIX: prefix,
    PRESSMON_DATA_DIR: dataDir,
    PRESSMON_DIGEST_SECRET: SECRET,
    PRESSMON_PUBLIC_URL: PUBLIC_URL,
  });
  const config = await loadConfigOrThrow({ configDir: settings.configDir, sourcesDir: settings.sourcesDir });
  dashboards = await startDashboards(
    { client, settings, config, logger: silentLogger() },
    { port: 0, host: '127.0.0.1' },
  );
});

afterAll(async () => {
  await dashboards?.close();
  await deleteTestIndices(client, prefix);
  await client.close();
  await sink?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('unsubscribing from the weekly digest', () => {
  let samLink: string;
  let anaLink: string;

  it("the week's digests carry a one-click link the dashboards accept", async () => {
    const report = await sendWeeklyDigests(context(), { week: WEEK });
    expect(report.counts).toEqual({ sent: 2 });
    const [sam] = sink.to(MEMBERS.sam.email);
    const [ana] = sink.to(MEMBERS.ana.email);
    if (sam === undefined || ana === undefined) throw new Error('a digest was not received');
    samLink = oneClickLink(sam);
    anaLink = oneClickLink(ana);
  });

  it("opening a link (GET) shows the confirmation page and records nothing; the mail client's POST records", async () => {
    const page = await fetch(anaLink);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      'Stop sending the weekly press digest to <strong>ana@example.org</strong>?',
    );
    expect(await getUnsubscription(client, prefix, MEMBERS.ana.email)).toBeNull();

    const oneClick = await fetch(samLink, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await getUnsubscription(client, prefix, MEMBERS.sam.email)).toMatchObject({
      status: 'unsubscribed',
      method: 'one-click',
    });
  });

  it('a tampered link is 400 and records nothing', async () => {
    const tampered = samLink.replace(
      encodeURIComponent(MEMBERS.sam.email),
      encodeURIComponent('x@example.org'),
    );
    const response = await fetch(tampered, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(400);
    expect(await getUnsubscription(client, prefix, 'x@example.org')).toBeNull();
  });

  it('the next digest run skips the unsubscribed member, counts and records it', async () => {
    sink.received.length = 0;
    const report = await sendWeeklyDigests(context(), { week: NEXT_WEEK });
    expect(report.status).toBe('ok');
    expect(report.counts).toEqual({ sent: 1, unsubscribed: 1 });
    expect(report.members.map((member) => [member.email, member.outcome])).toEqual([
      [MEMBERS.ana.email, 'sent'],
      [MEMBERS.sam.email, 'unsubscribed'],
    ]);
    expect(sink.to(MEMBERS.sam.email)).toHaveLength(0);
    expect(sink.to(MEMBERS.ana.email)).toHaveLength(1);
    expect((await getDigestRecord(client, prefix, MEMBERS.sam.email, NEXT_WEEK))?.status).toBe(
      'unsubscribed',
    );
    const run = await client.get<{ report: { counts: Record<string, number> } }>({
      index: indexNames(prefix).runs,
      id: report.runId,
    });
    expect(run._source?.report.counts).toEqual({ sent: 1, unsubscribed: 1 });
  });

  it('`pressmon digest unsubscribed` lists the member', async () => {
    const listed = await runCli(['digest', 'unsubscribed', '--json'], { env: cliEnv });
    expect(listed.code, listed.stderr).toBe(0);
    const records = JSON.parse(listed.stdout) as { member: string; method: string }[];
    expect(records.map(({ member, method }) => [member, method])).toEqual([[MEMBERS.sam.email, 'one-click']]);
  });

  it('`pressmon digest resubscribe --member` reverses it, and the next run sends the skipped week', async () => {
    const result = await runCli(['digest', 'resubscribe', '--member', 'Sam@Example.org'], { env: cliEnv });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('sam@example.org is subscribed again');
    expect(await getUnsubscription(client, prefix, MEMBERS.sam.email)).toMatchObject({
      status: 'resubscribed',
      method: 'one-click',
    });

    sink.received.length = 0;
    const report = await sendWeeklyDigests(context(), { week: NEXT_WEEK });
    expect(report.members.map((member) => [member.email, member.outcome])).toEqual([
      [MEMBERS.ana.email, 'already-done'],
      [MEMBERS.sam.email, 'sent'],
    ]);
    expect(sink.to(MEMBERS.sam.email)).toHaveLength(1);
    expect(sink.to(MEMBERS.ana.email)).toHaveLength(0);

    const again = await runCli(['digest', 'resubscribe', '--member', MEMBERS.sam.email], { env: cliEnv });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('was not unsubscribed: nothing changed');
  });
});
