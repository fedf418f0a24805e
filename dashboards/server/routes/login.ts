import type { FastifyInstance } from 'fastify';
import { isSameOrigin, SESSION_COOKIE, sessionOf, type Authenticator } from '../auth/authenticate.ts';
import { decoyHash, verifyPassword } from '../auth/password-hash.ts';
import { HttpError } from '../errors.ts';

/** Login attempts allowed per client address and window (successful ones count too). */
export interface LoginLimit {
  readonly max: number;
  readonly windowMs: number;
}

export const DEFAULT_LOGIN_LIMIT: LoginLimit = { max: 10, windowMs: 15 * 60_000 };

const LOGIN_BODY = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
  },
} as const;

/** POST /api/login and POST /api/logout: sessions in an HttpOnly, SameSite=Strict cookie. */
export async function registerLoginRoutes(
  app: FastifyInstance,
  auth: Authenticator,
  limit: LoginLimit,
): Promise<void> {
  const decoy = await decoyHash();
  app.post<{ Body: { username: string; password: string } }>(
    '/api/login',
    { schema: { body: LOGIN_BODY }, config: { rateLimit: { max: limit.max, timeWindow: limit.windowMs } } },
    async (request, reply) => {
      if (!isSameOrigin(request))
        throw new HttpError(403, 'cross-origin', 'log in from the dashboards page itself');
      const { username, password } = request.body;
      const user = auth.users.find((candidate) => candidate.name === username);
      // An unknown name costs as much as a wrong password, so timing does not tell names apart.
      const matches = await verifyPassword(password, user?.passwordHash ?? decoy);
      if (user === undefined || !matches) {
        request.log.warn({ username: username.slice(0, 64) }, 'login refused');
        throw new HttpError(401, 'bad-credentials', 'wrong user name or password');
      }
      const session = auth.sessions.create(user.name);
      void reply.setCookie(SESSION_COOKIE, session.id, {
        signed: true,
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        path: '/',
        maxAge: Math.floor((session.expiresAtMs - Date.now()) / 1000),
      });
      request.log.info({ user: user.name }, 'login');
      return { name: user.name, email: user.email, via: 'session' };
    },
  );

  app.post('/api/logout', async (request, reply) => {
    const session = sessionOf(request, auth);
    if (session !== null) auth.sessions.delete(session.id);
    void reply.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
    });
    return reply.code(204).send();
  });
}
