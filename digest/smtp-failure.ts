/**
 * What an SMTP failure means for the digest:
 * - `transient`: a 4xx answer, or the connection failed or timed out; trying later can help;
 * - `permanent`: a 5xx answer about this message or recipient (mailbox unknown, rejected);
 * - `fatal`: the run cannot send to anyone (authentication or TLS refused, bad configuration);
 * - `unknown`: not an SMTP failure at all (a bug); the run stops and a re-run resumes.
 */
export type SmtpFailureKind = 'transient' | 'permanent' | 'fatal' | 'unknown';

/** nodemailer's error codes for failures of the connection itself. */
const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const FATAL_CODES = new Set(['EAUTH', 'ETLS', 'ECONFIG', 'EOAUTH2', 'ENOAUTH']);

/** Classifies an error from nodemailer's sendMail (its `code` and `responseCode`). */
export function classifySmtpFailure(error: unknown): SmtpFailureKind {
  if (!(error instanceof Error)) return 'unknown';
  const { code, responseCode } = error as Error & { code?: unknown; responseCode?: unknown };
  if (typeof code === 'string' && FATAL_CODES.has(code)) return 'fatal';
  if (typeof responseCode === 'number') {
    if (responseCode >= 400 && responseCode < 500) return 'transient';
    if (responseCode >= 500 && responseCode < 600) return 'permanent';
  }
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return 'transient';
  return 'unknown';
}

/** One line about an SMTP failure for records and reports: the server's answer, never credentials. */
export function describeSmtpFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, responseCode, response } = error as Error & {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
  };
  const answer = typeof response === 'string' && response !== '' ? response : error.message;
  const prefix = [
    typeof code === 'string' ? code : null,
    typeof responseCode === 'number' ? responseCode : null,
  ]
    .filter((part) => part !== null)
    .join(' ');
  return (prefix === '' ? answer : `${prefix}: ${answer}`).replace(/\s+/g, ' ').slice(0, 500);
}
