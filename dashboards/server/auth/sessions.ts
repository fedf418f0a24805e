import { randomBytes } from 'node:crypto';

/** A logged-in user's session. */
export interface Session {
  readonly id: string;
  readonly user: string;
  /** Epoch milliseconds. */
  readonly expiresAtMs: number;
}

/** How long a session lasts after login: 12 hours. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * Sessions held in memory: a random 256-bit id per login, forgotten at logout,
 * at expiry, or when the server restarts (users log in again). The cookie
 * carries the id, signed with the session secret.
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: { ttlMs?: number; now?: () => number } = {}) {
    this.#ttlMs = options.ttlMs ?? SESSION_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  create(user: string): Session {
    this.#sweep();
    const session = {
      id: randomBytes(32).toString('base64url'),
      user,
      expiresAtMs: this.#now() + this.#ttlMs,
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** The live session of an id; null when unknown or expired. */
  get(id: string): Session | null {
    const session = this.#sessions.get(id);
    if (session === undefined) return null;
    if (session.expiresAtMs <= this.#now()) {
      this.#sessions.delete(id);
      return null;
    }
    return session;
  }

  delete(id: string): void {
    this.#sessions.delete(id);
  }

  /** Drops expired sessions so that the map does not grow without bound. */
  #sweep(): void {
    const now = this.#now();
    for (const [id, session] of this.#sessions) if (session.expiresAtMs <= now) this.#sessions.delete(id);
  }
}
