import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where a member unsubscribes: a one-click HTTPS link (RFC 8058) when a secret is set, and a mailto. */
export interface UnsubscribeLinks {
  /** `<publicUrl>/digest/unsubscribe?member=…&token=…`, or null without a secret. */
  readonly url: string | null;
  readonly mailto: string;
}

/** The path of the one-click unsubscribe endpoint under the public URL (served by the dashboards). */
export const UNSUBSCRIBE_PATH = '/digest/unsubscribe';

/**
 * The token that proves an unsubscribe link was made by pressmon for this
 * address: HMAC-SHA256 of the lower-case address, base64url, 22 characters.
 */
export function unsubscribeToken(secret: string, email: string): string {
  return createHmac('sha256', secret).update(email.toLowerCase()).digest('base64url').slice(0, 22);
}

/** Whether `token` is the unsubscribe token of `email` (constant-time comparison). */
export function isValidUnsubscribeToken(secret: string, email: string, token: string): boolean {
  const expected = Buffer.from(unsubscribeToken(secret, email));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The unsubscribe links of one member. */
export function unsubscribeLinks(
  settings: {
    readonly publicUrl: string;
    readonly unsubscribeSecret: string | null;
    readonly unsubscribeMailto: string;
  },
  email: string,
): UnsubscribeLinks {
  const mailto = `mailto:${settings.unsubscribeMailto}?subject=${encodeURIComponent(`unsubscribe ${email}`)}`;
  if (settings.unsubscribeSecret === null) return { url: null, mailto };
  const query = new URLSearchParams({
    member: email,
    token: unsubscribeToken(settings.unsubscribeSecret, email),
  });
  return { url: `${settings.publicUrl}${UNSUBSCRIBE_PATH}?${query.toString()}`, mailto };
}

/**
 * The List-Unsubscribe headers: the HTTPS link first, then the mailto; and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click` only when there is an
 * HTTPS link, as RFC 8058 requires (mail clients then POST to it, no page visit).
 */
export function unsubscribeHeaders(links: UnsubscribeLinks): Record<string, string> {
  const targets = [links.url, links.mailto].filter((target): target is string => target !== null);
  const headers: Record<string, string> = {
    'List-Unsubscribe': targets.map((target) => `<${target}>`).join(', '),
  };
  if (links.url?.startsWith('https://')) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  return headers;
}
