import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameters of new hashes: N = 2^15, r = 8, p = 1 (about 50 ms and 32 MiB per check). */
export const SCRYPT_COST = { N: 32_768, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Above this memory (128·N·r bytes, with headroom) a hash from settings is refused rather than run. */
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;

/**
 * Hashes a password for PRESSMON_DASHBOARD_USERS: `scrypt.<N>.<r>.<p>.<salt>.<key>`
 * with a random 16-byte salt and a 32-byte key, both base64url.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, SCRYPT_COST);
  const { N, r, p } = SCRYPT_COST;
  return `scrypt.${N}.${r}.${p}.${salt.toString('base64url')}.${key.toString('base64url')}`;
}

/**
 * Whether a password matches a stored hash, compared in constant time. A
 * malformed hash, or one whose cost is out of bounds, never matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('.');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  const isPowerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!isPowerOfTwo || !Number.isInteger(r) || !Number.isInteger(p) || r < 1 || p < 1 || p > 16) return false;
  if (128 * N * r > MAX_MEMORY_BYTES / 2 || salt.length < 8 || expected.length < 16) return false;
  const actual = await derive(password, salt, expected.length, { N, r, p });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password, checked when a login names an unknown user,
 * so that the answer takes as long as for a known one.
 */
export function decoyHash(): Promise<string> {
  return hashPassword(randomBytes(12).toString('base64url'));
}

function derive(
  password: string,
  salt: Buffer,
  length: number,
  cost: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: MAX_MEMORY_BYTES };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}
