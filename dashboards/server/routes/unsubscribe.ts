import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isValidUnsubscribeToken, UNSUBSCRIBE_PATH } from '../../../digest/unsubscribe.ts';
import { recordUnsubscription } from '../../../indexer/unsubscriptions.ts';
import type { DashboardDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { parseMultipartFields } from '../form-body.ts';
import { pageLanguage, renderUnsubscribePage, type UnsubscribePage } from '../unsubscribe-page.ts';

/** Unsubscribe requests allowed per client address, route and window. */
export interface UnsubscribeLimit {
  readonly max: number;
  readonly windowMs: number;
}

/**
 * 30 per 15 minutes: a person needs two requests (the page, the button); a
 * mail provider's servers send each of its users' one-click POSTs from a few
 * addresses, so the bound is looser than the login's.
 */
export const DEFAULT_UNSUBSCRIBE_LIMIT: UnsubscribeLimit = { max: 30, windowMs: 15 * 60_000 };

/** Small bodies only: the RFC 8058 body is 26 bytes. */
const FORM_BODY_LIMIT = 4096;
const MAX_ADDRESS_LENGTH = 320;

interface UnsubscribeRequest {
  readonly email: string;
  readonly token: string;
}

/**
 * GET and POST `/digest/unsubscribe?member=…&token=…`, open to anyone who
 * holds a valid token (HMAC of the address with PRESSMON_DIGEST_SECRET,
 * digest/unsubscribe.ts): no login, no origin check, no cookie.
 * - POST with `List-Unsubscribe=One-Click` (form-urlencoded or multipart, RFC
 *   8058) records the unsubscription and answers 200 at once, no redirect:
 *   mail clients POST it cross-site, from their own servers. The same POST
 *   with `via=page` comes from the confirmation page's button.
 * - GET shows the confirmation page (en/ro/pl) and records nothing: mail
 *   scanners and link previews fetch every link of a message.
 * A missing or wrong token is a 400 and records nothing. Both routes are
 * rate-limited per client address. The form body parsers exist only inside
 * this plugin: every other POST still accepts JSON only.
 */
export async function registerUnsubscribeRoutes(
  app: FastifyInstance,
  deps: DashboardDeps,
  options: { readonly limit: UnsubscribeLimit; readonly stylePath: string },
): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (_request, body, done) => done(null, new URLSearchParams(String(body))),
    );
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (request, body, done) =>
        done(null, parseMultipartFields(String(body), request.headers['content-type'])),
    );
    const routeOptions = {
      config: { rateLimit: { max: options.limit.max, timeWindow: options.limit.windowMs } },
    };

    scope.get(UNSUBSCRIBE_PATH, routeOptions, async (request, reply) => {
      const asked = readRequest(request, deps);
      const language = languageFor(request, deps, asked?.email ?? null);
      if (asked === null) return sendPage(reply, 400, { kind: 'bad-link' }, language, options.stylePath);
      const action = `${UNSUBSCRIBE_PATH}?${new URLSearchParams({ member: asked.email, token: asked.token })}`;
      return sendPage(
        reply,
        200,
        { kind: 'confirm', email: asked.email, action },
        language,
        options.stylePath,
      );
    });

    scope.post(UNSUBSCRIBE_PATH, routeOptions, async (request, reply) => {
      const asked = readRequest(request, deps);
      const fields = request.body instanceof URLSearchParams ? request.body : null;
      const fromPage = fields?.get('via') === 'page';
      const language = languageFor(request, deps, asked?.email ?? null);
      if (asked === null) {
        return fromPage
          ? sendPage(reply, 400, { kind: 'bad-link' }, language, options.stylePath)
          : sendText(reply, 400, 'bad or missing unsubscribe token: nothing was changed');
      }
      if (fields?.get('List-Unsubscribe') !== 'One-Click') {
        return fromPage
          ? sendPage(reply, 400, { kind: 'not-confirmed' }, language, options.stylePath)
          : sendText(
              reply,
              400,
              'expected the body List-Unsubscribe=One-Click (RFC 8058): nothing was changed',
            );
      }
      const result = await recordUnsubscription(deps.client, deps.settings.indexPrefix, {
        member: asked.email,
        method: fromPage ? 'page' : 'one-click',
        now: new Date().toISOString(),
      });
      request.log.info(
        { member: asked.email, method: fromPage ? 'page' : 'one-click', recorded: result.recorded },
        'digest unsubscription',
      );
      const kind = result.recorded ? 'done' : 'already';
      return fromPage
        ? sendPage(reply, 200, { kind, email: asked.email }, language, options.stylePath)
        : sendText(reply, 200, result.recorded ? 'unsubscribed' : 'already unsubscribed');
    });
  });
}

/** The address and token of a request when the token is right; null otherwise (and when no secret is set). */
function readRequest(request: FastifyRequest, deps: DashboardDeps): UnsubscribeRequest | null {
  const secret = deps.settings.digest.unsubscribeSecret;
  if (secret === null) {
    throw new HttpError(404, 'not-found', 'one-click unsubscribe is not enabled (PRESSMON_DIGEST_SECRET)');
  }
  const query = request.query as Record<string, unknown>;
  const { member, token } = query;
  // A repeated parameter arrives as an array: not a link pressmon made.
  if (typeof member !== 'string' || typeof token !== 'string') return null;
  const email = member.trim();
  if (email.length > MAX_ADDRESS_LENGTH || !email.includes('@') || token.length === 0) return null;
  return isValidUnsubscribeToken(secret, email, token) ? { email, token } : null;
}

function languageFor(
  request: FastifyRequest,
  deps: DashboardDeps,
  email: string | null,
): ReturnType<typeof pageLanguage> {
  const member =
    email === null
      ? undefined
      : deps.config.members.find((candidate) => candidate.email.toLowerCase() === email.toLowerCase());
  return pageLanguage(member?.language ?? null, request.headers['accept-language']);
}

function sendPage(
  reply: FastifyReply,
  status: number,
  page: UnsubscribePage,
  language: ReturnType<typeof pageLanguage>,
  stylePath: string,
): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-language', language)
    .send(renderUnsubscribePage(page, language, stylePath));
}

function sendText(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/plain; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`${message}\n`);
}
