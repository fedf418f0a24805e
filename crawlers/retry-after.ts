/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds or an
 * HTTP-date (RFC 9110 §10.2.3). Undefined when the header is absent or
 * unreadable; 0 for a date in the past.
 */
export function retryAfterMs(value: string | undefined, nowMs: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Whether an answer's status means "try again later": 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
