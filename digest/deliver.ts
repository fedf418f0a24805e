import type Mail from 'nodemailer/lib/mailer/index.js';
import type { RenderedDigest } from './render.ts';
import { classifySmtpFailure, describeSmtpFailure } from './smtp-failure.ts';

/** What the digest needs of an SMTP transport; a nodemailer Transporter is one. */
export interface Mailer {
  sendMail(message: Mail.Options): Promise<unknown>;
}

/** Retries of transient SMTP failures within one run. */
export interface RetryPolicy {
  /** Tries in all, the first included; default 3. */
  readonly attempts: number;
  /** Wait before the second try, in ms; each later wait is `factor` times longer. Default 5,000. */
  readonly baseDelayMs: number;
  /** Default 4 (5 s, 20 s, …). */
  readonly factor: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 5_000, factor: 4 };

export type DeliveryResult =
  | { readonly ok: true; readonly tries: number; readonly response: string | null }
  | {
      readonly ok: false;
      readonly kind: 'transient' | 'permanent' | 'fatal';
      readonly tries: number;
      readonly error: string;
    };

/**
 * Hands one digest to the SMTP server: transient failures (4xx, connection
 * trouble) are tried again with exponential backoff; a permanent rejection
 * (5xx) or a fatal one (authentication, TLS) comes back at once as a value.
 * Anything else is not an SMTP failure and is thrown.
 */
export async function deliverDigest(
  mailer: Mailer,
  from: string,
  message: RenderedDigest,
  retry: RetryPolicy,
  sleep: (ms: number) => Promise<void>,
): Promise<DeliveryResult> {
  const options: Mail.Options = {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    headers: { ...message.headers },
  };
  for (let tries = 1; ; tries++) {
    try {
      const info = (await mailer.sendMail(options)) as { response?: unknown } | undefined;
      return { ok: true, tries, response: typeof info?.response === 'string' ? info.response : null };
    } catch (error) {
      const kind = classifySmtpFailure(error);
      if (kind === 'unknown') throw error;
      if (kind !== 'transient' || tries >= retry.attempts) {
        return { ok: false, kind, tries, error: describeSmtpFailure(error) };
      }
      await sleep(retry.baseDelayMs * retry.factor ** (tries - 1));
    }
  }
}
