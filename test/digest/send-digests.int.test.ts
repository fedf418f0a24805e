import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer, scheduledDigestSender } from '../../app/digest.ts';
import type { DigestSettings } from '../../config/settings.ts';
import type { Member } from '../../config/types.ts';
import { silentLogger } from '../../core/logger.ts';
import type { DigestContext, Mailer } from '../../digest/index.ts';
import { sendWeeklyDigests } from '../../digest/index.ts';
import { getDigestRecord, listDigestRecords } from '../../indexer/digest-records.ts';
import { ensureIndices } from '../../indexer/ensure-indices.ts';
import { indexNames } from '../../indexer/index-names.ts';
import type { Article } from '../../pipeline/types.ts';
import { deleteTestIndices, testEsClient, uniqueIndexPrefix } from '../support/elasticsearch.ts';
import {
  digestArticle,
  HOSTILE_TITLE,
  indexAsCrawled,
  MEMBERS,
  testVocabulary,
  WEEK,
  weekCorpus,
} from './digest-fixtures.ts';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from './smtp-sink.ts';

const client = testEsClient();
const prefixes: string[] = [];
let sink: SmtpSink;
let spoolDir: string;

const SETTINGS: DigestSettings = {
  from: 'Coalition digest <digest@coalition.example.org>',
  publicUrl: 'https://pressmon.coalition.example.org',
  unsubscribeSecret: 'test-secret',
  unsubscribeMailto: 'unsubscribe@coalition.example.org',
  minRelevance: 2,
};

/** A fresh index prefix holding `articles` (and the saved searches), with digest indices ensured. */
async function freshIndex(label: string, articles: readonly Article[]): Promise<string> {
  const prefix = uniqueIndexPrefix(`digest-${label}`);
  prefixes.push(prefix);
  await ensureIndices(client, prefix);
  await indexAsCrawled({ client, prefix, articles, spoolDir });
  return prefix;
}

function context(prefix: string, members: readonly Member[], mailer?: Mailer): DigestContext {
  return {
    client,
    indexPrefix: prefix,
    config: { ...testVocabulary(), members },
    settings: SETTINGS,
    defaultTimeZone: 'Europe/Bucharest',
    mailer: mailer ?? createSmtpMailer({ host: '127.0.0.1', port: sink.port, secure: false, auth: null }),
    logger: silentLogger(),
    retry: { attempts: 3, baseDelayMs: 1, factor: 2 },
  };
}

function only(mails: readonly ReceivedMail[]): ReceivedMail {
  expect(mails).toHaveLength(1);
  return mails[0] as ReceivedMail;
}

function header(mail: ReceivedMail, name: string): string {
  const value = mail.parsed.headerLines.find((line) => line.key === name.toLowerCase())?.line ?? '';
  return value
    .slice(value.indexOf(':') + 1)
    .replace(/\r?\n\s+/g, ' ')
    .trim();
}

beforeAll(async () => {
  spoolDir = await mkdtemp(path.join(tmpdir(), 'pressmon-digest-'));
  sink = await startSmtpSink();
});
afterAll(async () => {
  for (const prefix of prefixes) await deleteTestIndices(client, prefix);
  await client.close();
  await sink.close();
  await rm(spoolDir, { recursive: true, force: true });
});

describe('sendWeeklyDigests over a real SMTP server', () => {
  let prefix: string;
  const members = Object.values(MEMBERS);
  beforeAll(async () => {
    sink.received.length = 0;
    sink.answer = () => null;
    prefix = await freshIndex('send', weekCorpus());
    // A saved search of Sam's, included in his digest: it finds the Frontex article under no topic of his.
    await client.index({
      index: indexNames(prefix).savedSearches,
      id: 'frontex-watch',
      refresh: 'wait_for',
      document: {
        name: 'Frontex watch',
        owner: 'sam@example.org',
        request: { query: 'Frontex' },
        include_in_digest: true,
      },
    });
    await indexAsCrawled({
      client,
      prefix,
      spoolDir,
      articles: [
        digestArticle({
          slug: 'frontex',
          title: 'Frontex publishes its annual risk analysis',
          publishedAt: '2026-01-15T11:00:00Z',
          topics: ['data_statistics'],
          language: 'en',
          source: { id: 'balkan-insight', name: 'Balkan Insight', country: 'int' },
        }),
      ],
    });
  });

  it('sends each member one message with both parts, in the member language, to the member only', async () => {
    const report = await sendWeeklyDigests(context(prefix, members), { week: WEEK });
    expect(report.status).toBe('ok');
    expect(report.counts).toEqual({ sent: 3, 'sent-empty': 1, empty: 1 });
    const ana = only(sink.to('ana@example.org'));
    const jan = only(sink.to('jan@example.org'));
    const sam = only(sink.to('sam@example.org'));
    expect(sink.to('quiet@example.org')).toHaveLength(0);
    expect(sink.received).toHaveLength(4);
    expect(ana.envelopeTo).toEqual(['ana@example.org']);
    expect(ana.parsed.subject).toBe('Revista presei 12–18 ian. 2026: 4 subiecte');
    expect(jan.parsed.subject).toMatch(/^Przegląd prasy 12–18 sty 2026: 5 tematów$/);
    expect(sam.parsed.subject).toMatch(/^Press digest 12\s?–\s?18 Jan 2026: 5 stories$/);
    for (const mail of [ana, jan, sam]) {
      expect(mail.parsed.html).toContain('<table');
      expect(mail.parsed.text?.length ?? 0).toBeGreaterThan(200);
      expect(mail.parsed.from?.text).toContain('digest@coalition.example.org');
    }
    expect(ana.parsed.text).toContain('Bună ziua, Ana Exemplu,');
    expect(jan.parsed.text).toContain('Dzień dobry, Jan Przykład,');
    expect(sam.parsed.text).toContain('Hello Sam Example,');
  });

  it('groups stories by topic and folds syndicated copies into one story with "also in"', () => {
    const ana = only(sink.to('ana@example.org'));
    const text = ana.parsed.text ?? '';
    expect(text.match(/^\* Centru nou pentru solicitanții de azil la Galați$/gm)).toHaveLength(1);
    expect(text).toContain('și în: HotNews.ro, Adevărul');
    const azil = text.indexOf('AZIL (');
    const integrare = text.indexOf('INTEGRARE (');
    expect(azil).toBeGreaterThan(0);
    expect(integrare).toBeGreaterThan(azil);
    expect(text.slice(integrare)).toContain('CDCDI lansează un program de integrare');
    expect(text).toContain('MENȚIUNI ALE ORGANIZAȚIILOR');
    expect(text).toMatch(/CDCDI: 1 subiect, 1 articol/);
    expect(text).toContain('Inspectoratul General pentru Imigrări: nicio mențiune');
    expect(text).toContain('https://pressmon.coalition.example.org/articles/');
    // Out of the week, below the floor, not migration-related:
    for (const title of ['A passing mention', 'football club', 'Next week asylum', 'Late on Sunday']) {
      expect(text).not.toContain(title);
    }
    // The week before had 2 asylum articles for Ana; this week 5 (3 copies + hostile + javascript link).
    expect(text).toContain('Față de săptămâna trecută (2 articole): +4 (+200%).');
  });

  it('counts a Sunday-night article in the week of the member whose time zone puts it there', () => {
    expect(only(sink.to('jan@example.org')).parsed.text).toContain('Late on Sunday at the border');
    expect(only(sink.to('sam@example.org')).parsed.text).not.toContain('Late on Sunday');
  });

  it('escapes a hostile title, outlet name and lead, and drops a javascript: link', () => {
    const html = String(only(sink.to('sam@example.org')).parsed.html);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<b>News/);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
    expect(html).toContain('Evil &lt;b&gt;News&lt;&#x2F;b&gt;');
    const text = only(sink.to('sam@example.org')).parsed.text ?? '';
    expect(text).toContain(HOSTILE_TITLE);
    expect(text).not.toContain('javascript:');
  });

  it('includes a saved search marked for the digest under its own heading', () => {
    const text = only(sink.to('sam@example.org')).parsed.text ?? '';
    expect(text).toContain('SAVED SEARCH: FRONTEX WATCH (1)');
    expect(text).toContain('Frontex publishes its annual risk analysis');
    expect(only(sink.to('ana@example.org')).parsed.text).not.toContain('Frontex');
  });

  it('sets List-Unsubscribe (one-click, RFC 8058), a stable Message-ID and says why the member receives it', () => {
    const ana = only(sink.to('ana@example.org'));
    expect(header(ana, 'List-Unsubscribe')).toMatch(
      /^<https:\/\/pressmon\.coalition\.example\.org\/digest\/unsubscribe\?member=ana%40example\.org&token=[\w-]{22}>, <mailto:unsubscribe@coalition\.example\.org\?subject=unsubscribe%20ana%40example\.org>$/,
    );
    expect(header(ana, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(ana.parsed.messageId).toMatch(/^<digest\.2026-W03\.[0-9a-f]{20}@coalition\.example\.org>$/);
    expect(ana.parsed.text).toContain(
      'Primiți această revistă deoarece ana@example.org (CDCDI) urmărește aceste teme',
    );
    expect(ana.parsed.text).toContain('Azil, Integrare');
  });

  it('sends a short "nothing new" message only to members who asked for one, and records both', async () => {
    const nothing = only(sink.to('nothing-new@example.org'));
    expect(nothing.parsed.subject).toBe('Przegląd prasy 12–18 sty 2026: nic nowego');
    expect(nothing.parsed.text).toContain('W tym tygodniu nic nowego w Twoich tematach.');
    expect((await getDigestRecord(client, prefix, 'quiet@example.org', WEEK))?.status).toBe('empty');
    expect((await getDigestRecord(client, prefix, 'nothing-new@example.org', WEEK))?.status).toBe('sent');
  });

  it('records every member as sent with the articles it covered, and a re-run sends nothing more', async () => {
    const records = await listDigestRecords(client, prefix, WEEK);
    expect(records.map((record) => [record.member, record.status])).toEqual([
      ['ana@example.org', 'sent'],
      ['jan@example.org', 'sent'],
      ['nothing-new@example.org', 'sent'],
      ['quiet@example.org', 'empty'],
      ['sam@example.org', 'sent'],
    ]);
    expect(records.find((record) => record.member === 'ana@example.org')?.articleIds).toHaveLength(6);
    const again = await sendWeeklyDigests(context(prefix, members), { week: WEEK });
    expect(again.counts).toEqual({ 'already-done': 5 });
    expect(sink.received).toHaveLength(4);
  });
});

describe('a crash between two members, then a re-run', () => {
  it('gives every member exactly one message', async () => {
    sink.received.length = 0;
    sink.answer = () => null;
    const prefix = await freshIndex('crash', weekCorpus());
    const members = [MEMBERS.ana, MEMBERS.jan, MEMBERS.sam];
    const real = createSmtpMailer({ host: '127.0.0.1', port: sink.port, secure: false, auth: null });
    // The process "dies" while handing Jan's message over: after his record was claimed, before SMTP.
    const crashing: Mailer = {
      async sendMail(message) {
        if (JSON.stringify(message.to).includes('jan@example.org')) throw new Error('simulated crash');
        return real.sendMail(message);
      },
    };
    await expect(sendWeeklyDigests(context(prefix, members, crashing), { week: WEEK })).rejects.toThrow(
      'simulated crash',
    );
    expect(sink.received.map((mail) => mail.envelopeTo[0])).toEqual(['ana@example.org']);
    expect((await getDigestRecord(client, prefix, 'jan@example.org', WEEK))?.status).toBe('sending');
    expect(await getDigestRecord(client, prefix, 'sam@example.org', WEEK)).toBeNull();

    const rerun = await sendWeeklyDigests(context(prefix, members), { week: WEEK });
    expect(rerun.members.map((m) => [m.email, m.outcome])).toEqual([
      ['ana@example.org', 'already-done'],
      ['jan@example.org', 'sent'],
      ['sam@example.org', 'sent'],
    ]);
    for (const email of ['ana@example.org', 'jan@example.org', 'sam@example.org']) {
      expect(sink.to(email)).toHaveLength(1);
    }
    expect((await getDigestRecord(client, prefix, 'jan@example.org', WEEK))?.attempts).toBe(2);
  });
});

describe('SMTP failures', () => {
  let prefix: string;
  beforeAll(async () => {
    prefix = await freshIndex('smtp', weekCorpus());
  });

  it('retries a temporary failure (451) with backoff and sends once it passes', async () => {
    sink.received.length = 0;
    sink.rcptCount.clear();
    sink.answer = (address, attempt) =>
      address === 'sam@example.org' && attempt <= 2 ? { code: 451, message: 'greylisted, try later' } : null;
    const delays: number[] = [];
    const report = await sendWeeklyDigests(
      { ...context(prefix, [MEMBERS.sam]), sleep: async (ms) => void delays.push(ms) },
      { week: WEEK },
    );
    expect(report.members[0]).toMatchObject({ outcome: 'sent', tries: 3 });
    expect(delays).toEqual([1, 2]);
    expect(sink.to('sam@example.org')).toHaveLength(1);
    expect((await getDigestRecord(client, prefix, 'sam@example.org', WEEK))?.status).toBe('sent');
  });

  it('records a permanent rejection (550), reports it, sends the others, and does not retry it', async () => {
    sink.received.length = 0;
    sink.rcptCount.clear();
    sink.answer = (address) =>
      address === 'jan@example.org' ? { code: 550, message: 'no such mailbox' } : null;
    const members = [MEMBERS.ana, MEMBERS.jan];
    const report = await sendWeeklyDigests(context(prefix, members), { week: WEEK });
    expect(report.status).toBe('partial');
    expect(report.members.map((m) => [m.email, m.outcome, m.tries])).toEqual([
      ['ana@example.org', 'sent', 1],
      ['jan@example.org', 'failed-permanent', 1],
    ]);
    expect(report.members[1]?.error).toMatch(/550.*no such mailbox/);
    const record = await getDigestRecord(client, prefix, 'jan@example.org', WEEK);
    expect(record).toMatchObject({ status: 'failed-permanent' });
    expect(record?.error).toMatch(/550/);
    const again = await sendWeeklyDigests(context(prefix, members), { week: WEEK });
    expect(again.members.map((m) => m.recordStatus)).toEqual(['sent', 'failed-permanent']);
    expect(sink.rcptCount.get('jan@example.org')).toBe(1);
  });

  it('leaves a member whose server kept failing temporarily for the next run, which sends', async () => {
    sink.received.length = 0;
    sink.answer = () => ({ code: 421, message: 'service not available' });
    const members = [MEMBERS.nothingNew];
    const first = await sendWeeklyDigests(context(prefix, members), { week: WEEK });
    expect(first.members[0]).toMatchObject({ outcome: 'failed-temporary', tries: 3 });
    expect((await getDigestRecord(client, prefix, 'nothing-new@example.org', WEEK))?.status).toBe(
      'failed-temporary',
    );
    sink.answer = () => null;
    const second = await sendWeeklyDigests(context(prefix, members), { week: WEEK });
    expect(second.members[0]?.outcome).toBe('sent-empty');
    expect(sink.to('nothing-new@example.org')).toHaveLength(1);
  });
});

describe('a dry run', () => {
  it('composes for everyone and counts, without sending or recording', async () => {
    sink.received.length = 0;
    sink.answer = () => null;
    const prefix = await freshIndex('dry', weekCorpus());
    const report = await sendWeeklyDigests(context(prefix, Object.values(MEMBERS)), {
      week: WEEK,
      dryRun: true,
    });
    expect(report.counts).toEqual({ 'would-send': 3, 'would-send-empty': 1, empty: 1 });
    expect(report.members.find((m) => m.email === 'ana@example.org')).toMatchObject({
      stories: 4,
      articles: 6,
    });
    expect(sink.received).toHaveLength(0);
    expect(await listDigestRecords(client, prefix, WEEK)).toEqual([]);
  });
});

describe('the scheduler’s weekly digest job (scheduledDigestSender)', () => {
  it('sends the week to the members of its time zone only, once, however often the job runs', async () => {
    sink.received.length = 0;
    sink.answer = () => null;
    const members = [MEMBERS.ana, MEMBERS.jan];
    const prefix = await freshIndex('scheduled', weekCorpus());
    const send = scheduledDigestSender(context(prefix, members));
    const options = {
      timeZone: 'Europe/Bucharest',
      memberEmails: [MEMBERS.ana.email],
      signal: new AbortController().signal,
      logger: silentLogger(),
    };
    expect((await send(WEEK, options))?.status).toBe('ok');
    expect((await send(WEEK, options))?.status).toBe('ok');
    expect(sink.received.map((mail) => mail.envelopeTo)).toEqual([[MEMBERS.ana.email]]);
  });
});
