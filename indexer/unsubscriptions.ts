import { type Client, errors } from '@elastic/elasticsearch';
import { IndexerError } from './errors.ts';
import { indexNames } from './index-names.ts';

/**
 * How a member left the weekly digest:
 * - `one-click`: their mail client's RFC 8058 POST to the List-Unsubscribe link;
 * - `page`: the button on the confirmation page the link opens in a browser
 *   (a GET only shows that page: mail scanners fetch links).
 * A `mailto:` request reaches a person, who has no pressmon command for it yet:
 * they remove the member from members.yaml.
 */
export type UnsubscribeMethod = 'one-click' | 'page';

/** `unsubscribed` stops the member's digests; `resubscribed` (by an admin) starts them again. */
export type SubscriptionStatus = 'unsubscribed' | 'resubscribed';

/** One change of a member's subscription, oldest first in `history`. */
export interface SubscriptionEvent {
  readonly action: SubscriptionStatus;
  /** ISO-8601 UTC. */
  readonly at: string;
  /** For `unsubscribed`: how. */
  readonly method: UnsubscribeMethod | null;
}

/** The unsubscription record of one address, id = the lower-case address in `<prefix>-unsubscriptions`. */
export interface Unsubscription {
  /** Lower-case e-mail address. */
  readonly member: string;
  readonly status: SubscriptionStatus;
  /** How the latest unsubscription was made. */
  readonly method: UnsubscribeMethod;
  /** ISO-8601 UTC of the latest unsubscription. */
  readonly unsubscribedAt: string;
  /** ISO-8601 UTC of the latest resubscription, or null. */
  readonly resubscribedAt: string | null;
  readonly updatedAt: string;
  readonly history: readonly SubscriptionEvent[];
}

interface UnsubscriptionDocument {
  member: string;
  status: SubscriptionStatus;
  method: UnsubscribeMethod;
  unsubscribed_at: string;
  resubscribed_at: string | null;
  updated_at: string;
  history: SubscriptionEvent[];
}

/** What `recordUnsubscription` did: a repeated request is not an error, it changes nothing. */
export type RecordUnsubscriptionResult =
  | { readonly recorded: true; readonly unsubscription: Unsubscription }
  | {
      readonly recorded: false;
      readonly reason: 'already-unsubscribed';
      readonly unsubscription: Unsubscription;
    };

/** What `resubscribeMember` did. */
export type ResubscribeResult =
  | { readonly ok: true; readonly unsubscription: Unsubscription }
  | {
      readonly ok: false;
      readonly reason: 'not-unsubscribed';
      readonly unsubscription: Unsubscription | null;
    };

/** Compare-and-set retries when two writers race on one address. */
const MAX_TRIES = 3;

/** The record id of an address: trimmed and lower-case, as unsubscribe tokens are computed. */
export function unsubscriptionId(member: string): string {
  return member.trim().toLowerCase();
}

/**
 * Records that `member` left the weekly digest, idempotently: the first
 * request creates the record (`op_type: create`), a repeat leaves it as it
 * is (`already-unsubscribed`, with the first time and method), and a member
 * an admin had resubscribed is unsubscribed again (compare-and-set on the
 * record's sequence number, so two requests at once write one event).
 * No refresh: the digest reads these records by id (real-time gets).
 * @param now ISO-8601 UTC.
 */
export async function recordUnsubscription(
  client: Client,
  prefix: string,
  request: { readonly member: string; readonly method: UnsubscribeMethod; readonly now: string },
): Promise<RecordUnsubscriptionResult> {
  const index = indexNames(prefix).unsubscriptions;
  const id = unsubscriptionId(request.member);
  const event: SubscriptionEvent = { action: 'unsubscribed', at: request.now, method: request.method };
  for (let tries = 1; ; tries++) {
    const current = await readRecord(client, index, id);
    if (current?.doc.status === 'unsubscribed') {
      return { recorded: false, reason: 'already-unsubscribed', unsubscription: fromDocument(current.doc) };
    }
    const document: UnsubscriptionDocument = {
      member: id,
      status: 'unsubscribed',
      method: request.method,
      unsubscribed_at: request.now,
      resubscribed_at: current?.doc.resubscribed_at ?? null,
      updated_at: request.now,
      history: [...(current?.doc.history ?? []), event],
    };
    try {
      if (current === null) await client.create({ index, id, document });
      else
        await client.index({
          index,
          id,
          document,
          if_seq_no: current.seqNo,
          if_primary_term: current.primaryTerm,
        });
      return { recorded: true, unsubscription: fromDocument(document) };
    } catch (error) {
      if (!isConflict(error) || tries >= MAX_TRIES) throw error;
    }
  }
}

/**
 * Starts the digests of an unsubscribed member again (an admin's decision,
 * `pressmon digest resubscribe`), keeping the history. `not-unsubscribed`
 * when there is no record or the member is already resubscribed.
 * @param now ISO-8601 UTC.
 */
export async function resubscribeMember(
  client: Client,
  prefix: string,
  request: { readonly member: string; readonly now: string },
): Promise<ResubscribeResult> {
  const index = indexNames(prefix).unsubscriptions;
  const id = unsubscriptionId(request.member);
  for (let tries = 1; ; tries++) {
    const current = await readRecord(client, index, id);
    if (current === null || current.doc.status !== 'unsubscribed') {
      return {
        ok: false,
        reason: 'not-unsubscribed',
        unsubscription: current === null ? null : fromDocument(current.doc),
      };
    }
    const document: UnsubscriptionDocument = {
      ...current.doc,
      status: 'resubscribed',
      resubscribed_at: request.now,
      updated_at: request.now,
      history: [...(current.doc.history ?? []), { action: 'resubscribed', at: request.now, method: null }],
    };
    try {
      await client.index({
        index,
        id,
        document,
        if_seq_no: current.seqNo,
        if_primary_term: current.primaryTerm,
        refresh: 'wait_for',
      });
      return { ok: true, unsubscription: fromDocument(document) };
    } catch (error) {
      if (!isConflict(error) || tries >= MAX_TRIES) throw error;
    }
  }
}

/** The record of one address (unsubscribed or resubscribed), or null when it never unsubscribed. */
export async function getUnsubscription(
  client: Client,
  prefix: string,
  member: string,
): Promise<Unsubscription | null> {
  const current = await readRecord(client, indexNames(prefix).unsubscriptions, unsubscriptionId(member));
  return current === null ? null : fromDocument(current.doc);
}

/**
 * Which of `members` are unsubscribed now, by lower-case address: one
 * real-time multi-get, so an unsubscription recorded a moment ago counts.
 * Empty when the index does not exist yet.
 */
export async function unsubscribedAmong(
  client: Client,
  prefix: string,
  members: readonly string[],
): Promise<Map<string, Unsubscription>> {
  const found = new Map<string, Unsubscription>();
  const ids = [...new Set(members.map(unsubscriptionId))];
  if (ids.length === 0) return found;
  let response: Awaited<ReturnType<typeof client.mget<UnsubscriptionDocument>>>;
  try {
    response = await client.mget<UnsubscriptionDocument>({ index: indexNames(prefix).unsubscriptions, ids });
  } catch (error) {
    if (isMissingIndex(error)) return found;
    throw error;
  }
  for (const doc of response.docs) {
    const source = 'found' in doc && doc.found ? doc._source : undefined;
    if (source?.status === 'unsubscribed') found.set(source.member, fromDocument(source));
  }
  return found;
}

/**
 * Every unsubscription record, by address (after a refresh, so the latest
 * writes are seen); with `includeResubscribed` also the members an admin
 * has resubscribed.
 */
export async function listUnsubscriptions(
  client: Client,
  prefix: string,
  options: { readonly includeResubscribed?: boolean } = {},
): Promise<Unsubscription[]> {
  const index = indexNames(prefix).unsubscriptions;
  await client.indices.refresh({ index, ignore_unavailable: true, allow_no_indices: true });
  const response = await client.search<UnsubscriptionDocument>({
    index,
    ignore_unavailable: true,
    allow_no_indices: true,
    size: 10_000,
    query: options.includeResubscribed === true ? { match_all: {} } : { term: { status: 'unsubscribed' } },
    sort: [{ member: 'asc' }],
  });
  return response.hits.hits.flatMap((hit) => (hit._source === undefined ? [] : [fromDocument(hit._source)]));
}

async function readRecord(
  client: Client,
  index: string,
  id: string,
): Promise<{ doc: UnsubscriptionDocument; seqNo: number; primaryTerm: number } | null> {
  let response: Awaited<ReturnType<typeof client.get<UnsubscriptionDocument>>>;
  try {
    response = await client.get<UnsubscriptionDocument>({ index, id });
  } catch (error) {
    if (error instanceof errors.ResponseError && error.statusCode === 404) return null;
    throw error;
  }
  const doc = response._source;
  if (doc === undefined || response._seq_no === undefined || response._primary_term === undefined) {
    throw new IndexerError(`get ${index}/${id}: answered without a source or sequence number`);
  }
  return { doc, seqNo: response._seq_no, primaryTerm: response._primary_term };
}

function fromDocument(doc: UnsubscriptionDocument): Unsubscription {
  return {
    member: doc.member,
    status: doc.status,
    method: doc.method,
    unsubscribedAt: doc.unsubscribed_at,
    resubscribedAt: doc.resubscribed_at ?? null,
    updatedAt: doc.updated_at,
    history: doc.history ?? [],
  };
}

function isConflict(error: unknown): boolean {
  return error instanceof errors.ResponseError && error.statusCode === 409;
}

function isMissingIndex(error: unknown): boolean {
  return (
    error instanceof errors.ResponseError &&
    error.statusCode === 404 &&
    /index_not_found_exception/.test(JSON.stringify(error.body ?? ''))
  );
}
