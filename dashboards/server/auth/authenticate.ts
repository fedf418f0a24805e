import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DashboardUser } from '../../../config/settings.ts';
import { API_TOKEN_USER, type AuthenticatedUser } from '../deps.ts';
import { HttpError } from '../errors.ts';
import type { SessionStore } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireUser on the API's routes. */
    user: AuthenticatedUser | null;
  }
}

export const SESSION_COOKIE = 'pressmon_session';

export interface Authenticator {
  readonly sessions: SessionStore;
  readonly users: readonly DashboardUser[];
  readonly apiToken: string | null;
}

/**
 * Who is asking: a Bearer token (scripts) or a session cookie (browsers). A
 * wrong token is refused outright rather than falling back to the cookie.
 */
export function identify(request: FastifyRequest, auth: Authenticator): AuthenticatedUser | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined || auth.apiToken === null || !sameSecret(match[1], auth.apiToken))
      return null;
    return { name: API_TOKEN_USER, email: null, via: 'token' };
  }
  const session = sessionOf(request, auth);
  if (session === null) return null;
  const user = auth.users.find((candidate) => candidate.name === session.user);
  return user === undefined ? null : { name: user.name, email: user.email, via: 'session' };
}

/** The session id in a request's signed cookie, when valid and live. */
export function sessionOf(request: FastifyRequest, auth: Authenticator): { id: string; user: string } | null {
  const raw = request.cookies[SESSION_COOKIE];
  if (raw === undefined) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return null;
  return auth.sessions.get(unsigned.value);
}

/**
 * The guard of every API route but login: 401 without a user; for a browser
 * session, a state-changing request must come from this origin (SameSite
 * cookies already refuse cross-site ones; this is the second lock).
 */
export function requireUser(app: FastifyInstance, auth: Authenticator): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const user = identify(request, auth);
    if (user === null) {
      void reply.header('www-authenticate', 'Bearer realm="pressmon"');
      throw new HttpError(401, 'unauthenticated', 'log in, or send an API token (Authorization: Bearer …)');
    }
    if (user.via === 'session' && !['GET', 'HEAD'].includes(request.method) && !isSameOrigin(request)) {
      throw new HttpError(403, 'cross-origin', 'this request must come from the dashboards page itself');
    }
    request.user = user;
  });
}

/** The Origin header, when sent, names this host. */
export function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** Constant-time comparison of two secrets of any length (their SHA-256 digests are compared). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
