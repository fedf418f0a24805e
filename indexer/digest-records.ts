import { type Client, errors } from '@elastic/elasticsearch';
import { indexNames } from './index-names.ts';

/**
 * Where a member's digest of one week stands:
 * - `sending`: claimed by a run that is sending it now, or that crashed while sending;
 * - `sent`: the SMTP server accepted it;
 * - `empty`: nothing to send this week (the member asked for no "nothing new" message);
 * - `failed-temporary`: the server kept answering 4xx; the next run tries again;
 * - `failed-permanent`: the server answered 5xx; a person must look (never retried automatically);
 * - `unsubscribed`: not sent, the member had unsubscribed; a run after a resubscription sends it.
 */
export type DigestStatus =
  | 'sending'
  | 'sent'
  | 'empty'
  | 'failed-temporary'
  | 'failed-permanent'
  | 'unsubscribed';

/** The record of one (member, ISO week), id `<week>:<member>` in `<prefix>-digests`. */
export interface DigestRecord {
  readonly member: string;
  readonly week: string;
  readonly status: DigestStatus;
  readonly runId: string;
  /** Message-ID of the e-mail, the same on every attempt. */
  readonly messageId: string | null;
  readonly articleIds: readonly string[];
  /** Send attempts (runs that claimed it), 1 on the first. */
  readonly attempts: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly sentAt: string | null;
  /** The last SMTP error, for failed records. */
  readonly error: string | null;
}

interface DigestRecordDocument {
  member: string;
  week: string;
  status: DigestStatus;
  run_id: string;
  message_id: string | null;
  article_ids: string[];
  attempts: number;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  error: string | null;
}

/** What a run asks for when it claims (member, week). */
export interface DigestClaim {
  readonly member: string;
  readonly week: string;
  readonly runId: string;
  readonly messageId: string | null;
  readonly articleIds: readonly string[];
  /** ISO-8601 UTC. */
  readonly now: string;
}

export type ClaimResult =
  | { readonly claimed: true; readonly attempts: number }
  | { readonly claimed: false; readonly record: DigestRecord };

/**
 * Statuses a later run takes over: a crashed send, a send that kept failing
 * for a while, or a week skipped while the member was unsubscribed.
 */
const RESUMABLE: ReadonlySet<DigestStatus> = new Set(['sending', 'failed-temporary', 'unsubscribed']);

/** Whether a later run sends (member, week) despite this record (see RESUMABLE). */
export function isResumableDigestStatus(status: DigestStatus): boolean {
  return RESUMABLE.has(status);
}

/** The record id of (member, week); addresses compare lower-case. */
export function digestRecordId(member: string, week: string): string {
  return `${week}:${member.toLowerCase()}`;
}

/**
 * Claims (member, week) for sending: creates the record in state `sending`
 * with `op_type: create`, so that of two runs only one wins. When the record
 * exists, a `sending` one (its run crashed; the caller holds the digest lock,
 * so no live run owns it) or a `failed-temporary` one is taken over by a
 * compare-and-set on its sequence number; `sent`, `empty` and
 * `failed-permanent` records are returned as they are: not this run's to send.
 */
export async function claimDigest(client: Client, prefix: string, claim: DigestClaim): Promise<ClaimResult> {
  const index = indexNames(prefix).digests;
  const id = digestRecordId(claim.member, claim.week);
  const fresh: DigestRecordDocument = {
    member: claim.member.toLowerCase(),
    week: claim.week,
    status: 'sending',
    run_id: claim.runId,
    message_id: claim.messageId,
    article_ids: [...claim.articleIds],
    attempts: 1,
    created_at: claim.now,
    updated_at: claim.now,
    sent_at: null,
    error: null,
  };
  try {
    await client.create({ index, id, document: fresh });
    return { claimed: true, attempts: 1 };
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
  const current = await client.get<DigestRecordDocument>({ index, id });
  const doc = current._source;
  if (doc === undefined || current._seq_no === undefined || current._primary_term === undefined) {
    throw new Error(`digest record ${id}: read back without a source or sequence number`);
  }
  if (!RESUMABLE.has(doc.status)) return { claimed: false, record: fromDocument(doc) };
  const attempts = doc.attempts + 1;
  try {
    await client.index({
      index,
      id,
      document: { ...fresh, created_at: doc.created_at, attempts },
      if_seq_no: current._seq_no,
      if_primary_term: current._primary_term,
    });
    return { claimed: true, attempts };
  } catch (error) {
    if (!isConflict(error)) throw error;
    const now = await client.get<DigestRecordDocument>({ index, id });
    if (now._source === undefined) throw error;
    return { claimed: false, record: fromDocument(now._source) };
  }
}

/** The outcome of a claimed send (or of an empty week), written over the record. */
export interface DigestOutcome {
  readonly status: Exclude<DigestStatus, 'sending'>;
  readonly now: string;
  readonly error?: string;
}

/** Writes the outcome of (member, week). `empty` weeks are recorded without a claim. */
export async function finishDigest(
  client: Client,
  prefix: string,
  claim: DigestClaim,
  outcome: DigestOutcome,
  attempts: number,
): Promise<void> {
  const index = indexNames(prefix).digests;
  const id = digestRecordId(claim.member, claim.week);
  const document: Partial<DigestRecordDocument> = {
    member: claim.member.toLowerCase(),
    week: claim.week,
    status: outcome.status,
    run_id: claim.runId,
    message_id: claim.messageId,
    article_ids: [...claim.articleIds],
    attempts,
    updated_at: outcome.now,
    sent_at: outcome.status === 'sent' ? outcome.now : null,
    error: outcome.error ?? null,
  };
  await client.update<DigestRecordDocument, Partial<DigestRecordDocument>>({
    index,
    id,
    doc: document,
    upsert: { ...(document as DigestRecordDocument), created_at: outcome.now },
  });
}

/**
 * Records that (member, week) was not sent because the member is
 * unsubscribed, unless the week already has a final record (`sent`,
 * `empty`, `failed-permanent`), which is kept as it is. Returns whether it wrote.
 */
export async function markDigestUnsubscribed(
  client: Client,
  prefix: string,
  skip: { readonly member: string; readonly week: string; readonly runId: string; readonly now: string },
): Promise<boolean> {
  const index = indexNames(prefix).digests;
  const id = digestRecordId(skip.member, skip.week);
  const document: DigestRecordDocument = {
    member: skip.member.toLowerCase(),
    week: skip.week,
    status: 'unsubscribed',
    run_id: skip.runId,
    message_id: null,
    article_ids: [],
    attempts: 0,
    created_at: skip.now,
    updated_at: skip.now,
    sent_at: null,
    error: null,
  };
  try {
    await client.create({ index, id, document });
    return true;
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
  const current = await client.get<DigestRecordDocument>({ index, id });
  const doc = current._source;
  if (doc === undefined || !RESUMABLE.has(doc.status) || doc.status === 'unsubscribed') return false;
  try {
    await client.index({
      index,
      id,
      document: { ...document, created_at: doc.created_at, attempts: doc.attempts },
      ...(current._seq_no === undefined ? {} : { if_seq_no: current._seq_no }),
      ...(current._primary_term === undefined ? {} : { if_primary_term: current._primary_term }),
    });
    return true;
  } catch (error) {
    // Another writer changed it in between: theirs stands.
    if (isConflict(error)) return false;
    throw error;
  }
}

/** The record of (member, week), or null. */
export async function getDigestRecord(
  client: Client,
  prefix: string,
  member: string,
  week: string,
): Promise<DigestRecord | null> {
  try {
    const response = await client.get<DigestRecordDocument>({
      index: indexNames(prefix).digests,
      id: digestRecordId(member, week),
    });
    return response._source === undefined ? null : fromDocument(response._source);
  } catch (error) {
    if (error instanceof errors.ResponseError && error.statusCode === 404) return null;
    throw error;
  }
}

/** Every record of a week (after a refresh, so the latest writes are seen), by member. */
export async function listDigestRecords(
  client: Client,
  prefix: string,
  week: string,
): Promise<DigestRecord[]> {
  const index = indexNames(prefix).digests;
  await client.indices.refresh({ index, ignore_unavailable: true, allow_no_indices: true });
  const response = await client.search<DigestRecordDocument>({
    index,
    ignore_unavailable: true,
    allow_no_indices: true,
    size: 10_000,
    query: { term: { week } },
    sort: [{ member: 'asc' }],
  });
  return response.hits.hits.flatMap((hit) => (hit._source === undefined ? [] : [fromDocument(hit._source)]));
}

function fromDocument(doc: DigestRecordDocument): DigestRecord {
  return {
    member: doc.member,
    week: doc.week,
    status: doc.status,
    runId: doc.run_id,
    messageId: doc.message_id ?? null,
    articleIds: doc.article_ids ?? [],
    attempts: doc.attempts ?? 1,
    createdAt: doc.created_at,
    updatedAt: doc.updated_at,
    sentAt: doc.sent_at ?? null,
    error: doc.error ?? null,
  };
}

function isConflict(error: unknown): boolean {
  return error instanceof errors.ResponseError && error.statusCode === 409;
}
