import { type Client, errors } from '@elastic/elasticsearch';

/**
 * A lock held in Elasticsearch (`<prefix>-locks`), so that a job runs once at a
 * time across processes and machines. It expires: a crashed holder blocks the
 * job only until `expiresAt`, and a live holder renews it while it works.
 * Every change is a compare-and-set on the document's sequence number.
 */
export interface HeldLock {
  readonly name: string;
  readonly owner: string;
  readonly expiresAt: string;
  /** Extends the lock by its time to live; false when it was lost (expired and taken). */
  renew(): Promise<boolean>;
  /** Gives the lock up; a no-op when it was already taken by another owner. */
  release(): Promise<void>;
}

export type LockAttempt =
  | { readonly acquired: true; readonly lock: HeldLock }
  | { readonly acquired: false; readonly heldBy: string; readonly expiresAt: string };

interface LockDocument {
  owner: string;
  acquired_at: string;
  expires_at: string;
}

export function locksIndex(prefix: string): string {
  return `${prefix}-locks`;
}

/**
 * Tries once to take the lock `name` for `owner` for `ttlMs`. Free or expired
 * locks are taken; a live lock held by someone else is reported with its holder.
 */
export async function acquireLock(
  client: Client,
  prefix: string,
  name: string,
  owner: string,
  ttlMs: number,
  now: () => Date = () => new Date(),
): Promise<LockAttempt> {
  const index = locksIndex(prefix);
  const document = (): LockDocument => ({
    owner,
    acquired_at: now().toISOString(),
    expires_at: new Date(now().getTime() + ttlMs).toISOString(),
  });
  try {
    const created = document();
    await client.create({ index, id: name, document: created, refresh: 'wait_for' });
    return { acquired: true, lock: heldLock(client, prefix, name, owner, ttlMs, created.expires_at, now) };
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
  const current = await client.get<LockDocument>({ index, id: name }).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  if (
    current?._source === undefined ||
    current._seq_no === undefined ||
    current._primary_term === undefined
  ) {
    // Released between our create and our read: try again once.
    return acquireLock(client, prefix, name, owner, ttlMs, now);
  }
  const held = current._source;
  if (Date.parse(held.expires_at) > now().getTime() && held.owner !== owner) {
    return { acquired: false, heldBy: held.owner, expiresAt: held.expires_at };
  }
  const taken = document();
  try {
    await client.index({
      index,
      id: name,
      document: taken,
      if_seq_no: current._seq_no,
      if_primary_term: current._primary_term,
      refresh: 'wait_for',
    });
    return { acquired: true, lock: heldLock(client, prefix, name, owner, ttlMs, taken.expires_at, now) };
  } catch (error) {
    if (!isConflict(error)) throw error;
    const winner = await client.get<LockDocument>({ index, id: name });
    return {
      acquired: false,
      heldBy: winner._source?.owner ?? 'unknown',
      expiresAt: winner._source?.expires_at ?? '',
    };
  }
}

function heldLock(
  client: Client,
  prefix: string,
  name: string,
  owner: string,
  ttlMs: number,
  expiresAt: string,
  now: () => Date,
): HeldLock {
  const index = locksIndex(prefix);
  let currentExpiry = expiresAt;
  const readOwn = async (): Promise<{ seqNo: number; primaryTerm: number } | null> => {
    const current = await client.get<LockDocument>({ index, id: name }).catch(() => null);
    if (
      current?._source?.owner !== owner ||
      current._seq_no === undefined ||
      current._primary_term === undefined
    ) {
      return null;
    }
    return { seqNo: current._seq_no, primaryTerm: current._primary_term };
  };
  return {
    name,
    owner,
    get expiresAt() {
      return currentExpiry;
    },
    async renew(): Promise<boolean> {
      const own = await readOwn();
      if (own === null) return false;
      const next = new Date(now().getTime() + ttlMs).toISOString();
      try {
        await client.update({
          index,
          id: name,
          doc: { expires_at: next },
          if_seq_no: own.seqNo,
          if_primary_term: own.primaryTerm,
        });
        currentExpiry = next;
        return true;
      } catch (error) {
        if (isConflict(error)) return false;
        throw error;
      }
    },
    async release(): Promise<void> {
      const own = await readOwn();
      if (own === null) return;
      await client
        .delete({
          index,
          id: name,
          if_seq_no: own.seqNo,
          if_primary_term: own.primaryTerm,
          refresh: 'wait_for',
        })
        .catch((error: unknown) => {
          if (!isConflict(error) && !isNotFound(error)) throw error;
        });
    },
  };
}

function isConflict(error: unknown): boolean {
  return error instanceof errors.ResponseError && error.statusCode === 409;
}

function isNotFound(error: unknown): boolean {
  return error instanceof errors.ResponseError && error.statusCode === 404;
}
