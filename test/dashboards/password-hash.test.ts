import { describe, expect, it } from 'vitest';
import { PASSWORD_HASH_PATTERN } from '../../config/settings.ts';
import { hashPassword, verifyPassword } from '../../dashboards/server/auth/password-hash.ts';

describe('password hashes (scrypt)', () => {
  it('writes scrypt.N.r.p.salt.key, which settings accept and which verifies the password only', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\.32768\.8\.1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    expect(PASSWORD_HASH_PATTERN.test(hash)).toBe(true);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats the password as NFC, so a composed and a decomposed ș are the same', async () => {
    const hash = await hashPassword('parolă-ș');
    expect(await verifyPassword('parola\u0306-s\u0326', hash)).toBe(true);
  });

  it.each([
    'plain-text-password',
    'bcrypt.10.x.y.z.w',
    'scrypt.1000.8.1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'scrypt.1073741824.8.1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'scrypt.16384.8.1.AA.AA',
  ])('never matches a malformed or unbounded hash: %s', async (stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});
