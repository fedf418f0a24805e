import { randomBytes } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import type { DigestSettings } from '../config/settings.ts';
import type { Member, PressmonConfig } from '../config/types.ts';
import type { Logger } from '../core/logger.ts';
import {
  claimDigest,
  type DigestClaim,
  type DigestStatus,
  finishDigest,
  getDigestRecord,
  isResumableDigestStatus,
  markDigestUnsubscribed,
} from '../indexer/digest-records.ts';
import type { SkippedSavedSearch } from '../indexer/digest-saved-searches.ts';
import { acquireLock } from '../indexer/locks.ts';
import { recordRun } from '../indexer/runs.ts';
import { unsubscribedAmong } from '../indexer/unsubscriptions.ts';
import type { DigestModel } from './compose.ts';
import { DEFAULT_RETRY, deliverDigest, type Mailer, type RetryPolicy } from './deliver.ts';
import { DigestError } from './errors.ts';
import { formatIsoWeek, type IsoWeek, lastCompletedIsoWeek, parseIsoWeek } from './iso-week.ts';
import { loadWeekMaterial, type MemberWeek } from './load-week.ts';
import { buildDigest, type RenderedDigest } from './render.ts';

/** What a digest run is handed by its caller (the CLI, the scheduler, a test). */
export interface DigestContext {
  readonly client: Client;
  readonly indexPrefix: string;
  readonly config: Pick<PressmonConfig, 'members' | 'topics' | 'organisations' | 'frames'>;
  readonly settings: DigestSettings;
  /** Time zone that decides "the week that just ended" when no week is given. */
  readonly defaultTimeZone: string;
  /** The SMTP transport; null when only previews and dry runs are wanted. */
  readonly mailer: Mailer | null;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly retry?: RetryPolicy;
  /** How long the run's lock lives without renewal, in ms; default 30 minutes. */
  readonly lockTtlMs?: number;
}

export interface SendOptions {
  /** `YYYY-Www` or a week; default the last week that has ended in the default time zone. */
  readonly week?: IsoWeek | string;
  /** Only this member (by e-mail address). */
  readonly memberEmail?: string;
  /** Compose everything, send and record nothing. */
  readonly dryRun?: boolean;
}

/**
 * What happened to a member's digest in this run:
 * `sent` / `sent-empty` (a "nothing new" message), `empty` (nothing to send, recorded),
 * `already-done` (a record says sent, empty or permanently failed), `failed-temporary`,
 * `failed-permanent`, `not-attempted` (the run stopped first), `unsubscribed`
 * (the member left the digest: nothing composed or sent), and in dry runs
 * `would-send` / `would-send-empty`.
 */
export type MemberOutcome =
  | 'unsubscribed'
  | 'sent'
  | 'sent-empty'
  | 'empty'
  | 'already-done'
  | 'failed-temporary'
  | 'failed-permanent'
  | 'not-attempted'
  | 'would-send'
  | 'would-send-empty';

export interface MemberReport {
  readonly email: string;
  readonly language: Member['language'];
  readonly outcome: MemberOutcome;
  readonly stories: number;
  readonly articles: number;
  readonly htmlBytes: number | null;
  /** SMTP tries in this run (0 when nothing was sent). */
  readonly tries: number;
  readonly error: string | null;
  /** For `already-done`: the record's status. */
  readonly recordStatus: DigestStatus | null;
}

export interface DigestRunReport {
  readonly runId: string;
  readonly week: string;
  readonly dryRun: boolean;
  /** `locked`: another run of this week holds the lock; nothing was done. */
  readonly status: 'ok' | 'partial' | 'failed' | 'locked';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly members: readonly MemberReport[];
  readonly counts: Readonly<Partial<Record<MemberOutcome, number>>>;
  readonly skippedSearches: readonly SkippedSavedSearch[];
  /** Why the run stopped before the last member (fatal SMTP error, SMTP unreachable), or null. */
  readonly stoppedBecause: string | null;
}

/** After this many members in a row fail transiently, the server is taken as down and the run stops. */
const MAX_CONSECUTIVE_TRANSIENT = 3;

/**
 * Composes and sends the week's digests, one per member, recorded in
 * `<prefix>-digests` so that re-runs never send twice and never skip.
 * Members unsubscribed at the start of the run (`<prefix>-unsubscriptions`,
 * real-time reads) are reported `unsubscribed` and get a week record in that
 * state, which a run after a resubscription takes over; a week already sent
 * keeps its record.
 *
 * Crash safety: the run holds the lock `digest-<week>` (one run per week at a
 * time). A member's digest is composed first; then its record is created in
 * state `sending` (op_type create), the message is handed to SMTP, and the
 * record becomes `sent`. A crash before the record exists leaves nothing: the
 * re-run sends. A crash after `sent` leaves a record: the re-run skips. A crash
 * inside the SMTP transaction leaves `sending`; the re-run (holding the lock, so
 * no live run owns that record) sends again: in that one window the choice is
 * "never skipped" over "never twice", and the repeat carries the same
 * Message-ID, which receiving servers and clients use to drop duplicates.
 */
export async function sendWeeklyDigests(
  context: DigestContext,
  options: SendOptions = {},
): Promise<DigestRunReport> {
  const now = context.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const week = resolveWeek(options.week, now(), context.defaultTimeZone);
  const weekLabel = formatIsoWeek(week);
  const members = pickMembers(context.config.members, options.memberEmail);
  const dryRun = options.dryRun === true;
  const runId = `digest-${weekLabel}-${startedAt.replace(/[:.]/g, '')}-${randomBytes(3).toString('hex')}`;
  const logger = context.logger.child({ stage: 'digest', runId, week: weekLabel });
  if (!dryRun && context.mailer === null) {
    throw new DigestError(
      'digest send: no SMTP server configured (set PRESSMON_SMTP_URL or PRESSMON_SMTP_HOST)',
    );
  }
  const lock = dryRun
    ? null
    : await acquireLock(
        context.client,
        context.indexPrefix,
        `digest-${weekLabel}`,
        runId,
        context.lockTtlMs ?? 30 * 60_000,
        now,
      );
  if (lock !== null && !lock.acquired) {
    logger.warn({ heldBy: lock.heldBy, expiresAt: lock.expiresAt }, 'digest run already in progress');
    return finishReport(runId, weekLabel, dryRun, startedAt, now, [], [], `locked by ${lock.heldBy}`, true);
  }
  const reports: MemberReport[] = [];
  let skippedSearches: readonly SkippedSavedSearch[] = [];
  let stoppedBecause: string | null = null;
  try {
    const skipped = await unsubscribedAmong(
      context.client,
      context.indexPrefix,
      members.map((member) => member.email),
    );
    const subscribed = members.filter((member) => !skipped.has(member.email.toLowerCase()));
    for (const member of members) {
      if (!skipped.has(member.email.toLowerCase())) continue;
      if (!dryRun) {
        await markDigestUnsubscribed(context.client, context.indexPrefix, {
          member: member.email,
          week: weekLabel,
          runId,
          now: now().toISOString(),
        });
      }
      reports.push(report(member, 'unsubscribed', null, null, 0, null, null));
    }
    const material = await loadWeekMaterial(
      context.client,
      context.indexPrefix,
      subscribed,
      week,
      context.settings.minRelevance,
    );
    skippedSearches = material.skippedSearches;
    for (const skipped of skippedSearches) logger.warn(skipped, 'saved search left out of digests');
    let consecutiveTransient = 0;
    for (const memberWeek of material.members) {
      if (stoppedBecause !== null) {
        reports.push(report(memberWeek.member, 'not-attempted', null, null, 0, null, null));
        continue;
      }
      const built = composeFor(context, memberWeek, week);
      const result = dryRun
        ? await previewOutcome(context, memberWeek.member, weekLabel, built)
        : await sendOne(context, memberWeek.member, weekLabel, runId, built, now);
      reports.push(result);
      if (result.outcome === 'failed-temporary') consecutiveTransient++;
      else if (result.outcome === 'sent' || result.outcome === 'sent-empty') consecutiveTransient = 0;
      if (result.fatal) stoppedBecause = `SMTP refused the run: ${result.error}`;
      else if (consecutiveTransient >= MAX_CONSECUTIVE_TRANSIENT) {
        stoppedBecause = `SMTP unavailable: ${consecutiveTransient} members in a row failed (${result.error})`;
      }
      logger.debug({ member: memberWeek.member.email, outcome: result.outcome }, 'digest member done');
      if (lock?.acquired && !(await lock.lock.renew())) {
        stoppedBecause = 'lost the digest lock (the run took longer than its time to live)';
      }
    }
  } finally {
    if (lock?.acquired) await lock.lock.release();
  }
  const order = new Map(members.map((member, index) => [member.email, index]));
  reports.sort((a, b) => (order.get(a.email) ?? 0) - (order.get(b.email) ?? 0));
  const final = finishReport(
    runId,
    weekLabel,
    dryRun,
    startedAt,
    now,
    reports,
    skippedSearches,
    stoppedBecause,
    false,
  );
  logger.info({ counts: final.counts, status: final.status }, 'digest run finished');
  if (!dryRun) {
    await recordRun(context.client, context.indexPrefix, {
      runId,
      kind: 'digest',
      status: final.status === 'locked' ? 'failed' : final.status,
      startedAt,
      finishedAt: final.finishedAt,
      sourceIds: [],
      report: final,
    });
  }
  return final;
}

/** One member's digest of a week, composed and rendered, without sending or recording anything. */
export async function previewDigest(
  context: DigestContext,
  options: { readonly memberEmail: string; readonly week?: IsoWeek | string },
): Promise<{ week: string; model: DigestModel; message: RenderedDigest }> {
  const now = context.now ?? (() => new Date());
  const week = resolveWeek(options.week, now(), context.defaultTimeZone);
  const [member] = pickMembers(context.config.members, options.memberEmail);
  if (member === undefined) throw new DigestError(`digest preview: no member ${options.memberEmail}`);
  const material = await loadWeekMaterial(
    context.client,
    context.indexPrefix,
    [member],
    week,
    context.settings.minRelevance,
  );
  const memberWeek = material.members[0];
  if (memberWeek === undefined) throw new DigestError(`digest preview: no material for ${member.email}`);
  return { week: formatIsoWeek(week), ...composeFor(context, memberWeek, week) };
}

type Built = { model: DigestModel; message: RenderedDigest };
type MemberResult = MemberReport & { readonly fatal?: boolean };

function composeFor(context: DigestContext, memberWeek: MemberWeek, week: IsoWeek): Built {
  return buildDigest(
    {
      member: memberWeek.member,
      week,
      window: memberWeek.window,
      selected: memberWeek.selected,
      previous: memberWeek.previous,
      savedSearches: memberWeek.savedSearches,
      vocabulary: context.config,
      publicUrl: context.settings.publicUrl,
    },
    context.settings,
  );
}

async function previewOutcome(
  context: DigestContext,
  member: Member,
  week: string,
  built: Built,
): Promise<MemberResult> {
  const record = await getDigestRecord(context.client, context.indexPrefix, member.email, week);
  if (record !== null && !isResumableDigestStatus(record.status)) {
    return report(member, 'already-done', built, null, 0, null, record.status);
  }
  if (!built.model.isEmpty) return report(member, 'would-send', built, built.message, 0, null, null);
  return member.sendEmptyDigest
    ? report(member, 'would-send-empty', built, built.message, 0, null, null)
    : report(member, 'empty', built, null, 0, null, null);
}

async function sendOne(
  context: DigestContext,
  member: Member,
  week: string,
  runId: string,
  built: Built,
  now: () => Date,
): Promise<MemberResult> {
  const { client, indexPrefix: prefix } = context;
  const claim: DigestClaim = {
    member: member.email,
    week,
    runId,
    messageId: built.model.isEmpty && !member.sendEmptyDigest ? null : built.message.messageId,
    articleIds: built.model.articleIds,
    now: now().toISOString(),
  };
  if (built.model.isEmpty && !member.sendEmptyDigest) {
    const record = await getDigestRecord(client, prefix, member.email, week);
    if (record !== null && !isResumableDigestStatus(record.status)) {
      return report(member, 'already-done', built, null, 0, null, record.status);
    }
    await finishDigest(client, prefix, claim, { status: 'empty', now: claim.now }, record?.attempts ?? 0);
    return report(member, 'empty', built, null, 0, null, null);
  }
  const claimed = await claimDigest(client, prefix, claim);
  if (!claimed.claimed) return report(member, 'already-done', built, null, 0, null, claimed.record.status);
  const mailer = context.mailer as Mailer;
  const delivery = await deliverDigest(
    mailer,
    context.settings.from,
    built.message,
    context.retry ?? DEFAULT_RETRY,
    context.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  );
  const at = now().toISOString();
  if (delivery.ok) {
    await finishDigest(client, prefix, claim, { status: 'sent', now: at }, claimed.attempts);
    const outcome = built.model.isEmpty ? 'sent-empty' : 'sent';
    return report(member, outcome, built, built.message, delivery.tries, null, null);
  }
  const status = delivery.kind === 'permanent' ? 'failed-permanent' : 'failed-temporary';
  await finishDigest(client, prefix, claim, { status, now: at, error: delivery.error }, claimed.attempts);
  const logLevel = delivery.kind === 'permanent' ? 'error' : 'warn';
  context.logger[logLevel]({ member: member.email, week, error: delivery.error }, 'digest not delivered');
  return {
    ...report(member, status, built, built.message, delivery.tries, delivery.error, null),
    fatal: delivery.kind === 'fatal',
  };
}

function report(
  member: Member,
  outcome: MemberOutcome,
  built: Built | null,
  message: RenderedDigest | null,
  tries: number,
  error: string | null,
  recordStatus: DigestStatus | null,
): MemberReport {
  return {
    email: member.email,
    language: member.language,
    outcome,
    stories: built?.model.summary.stories ?? 0,
    articles: built?.model.summary.articles ?? 0,
    htmlBytes: message?.htmlBytes ?? null,
    tries,
    error,
    recordStatus,
  };
}

function finishReport(
  runId: string,
  week: string,
  dryRun: boolean,
  startedAt: string,
  now: () => Date,
  members: readonly MemberResult[],
  skippedSearches: readonly SkippedSavedSearch[],
  stoppedBecause: string | null,
  locked: boolean,
): DigestRunReport {
  const counts: Partial<Record<MemberOutcome, number>> = {};
  for (const member of members) counts[member.outcome] = (counts[member.outcome] ?? 0) + 1;
  const failed =
    (counts['failed-permanent'] ?? 0) + (counts['failed-temporary'] ?? 0) + (counts['not-attempted'] ?? 0);
  const status = locked
    ? 'locked'
    : failed === 0 && stoppedBecause === null
      ? 'ok'
      : failed === members.length
        ? 'failed'
        : 'partial';
  return {
    runId,
    week,
    dryRun,
    status,
    startedAt,
    finishedAt: now().toISOString(),
    members: members.map(({ fatal: _fatal, ...member }) => member),
    counts,
    skippedSearches,
    stoppedBecause,
  };
}

/** The week asked for, or the last one that has ended in `timeZone`. */
export function resolveWeek(week: IsoWeek | string | undefined, now: Date, timeZone: string): IsoWeek {
  if (week === undefined) return lastCompletedIsoWeek(now, timeZone);
  if (typeof week !== 'string') return week;
  const parsed = parseIsoWeek(week);
  if (parsed === null) throw new DigestError(`--week must be an ISO week such as 2026-W03, got "${week}"`);
  return parsed;
}

function pickMembers(members: readonly Member[], email: string | undefined): Member[] {
  if (email === undefined) return [...members];
  const found = members.filter((member) => member.email.toLowerCase() === email.toLowerCase());
  if (found.length === 0) {
    throw new DigestError(`no member with the address ${email} in members.yaml`);
  }
  return found;
}
