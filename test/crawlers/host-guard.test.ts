import { describe, expect, it } from 'vitest';
import { checkHost, isPrivateHostAllowed, nonPublicRange } from '../../crawlers/host-guard.ts';

describe('nonPublicRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'loopback'],
    ['fd00::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['::', 'unspecified'],
    ['ff02::1', 'multicast'],
    ['::ffff:10.0.0.1', 'private'],
  ])('refuses %s (%s)', (address, range) => {
    expect(nonPublicRange(address)).toBe(range);
  });

  it.each(['93.184.216.34', '2606:4700::1111', '172.32.0.1'])('accepts the public address %s', (address) => {
    expect(nonPublicRange(address)).toBeNull();
  });
});

describe('checkHost', () => {
  it('refuses loopback and private literals unless the host or host:port is allowed', async () => {
    expect(await checkHost(new URL('http://127.0.0.1:8080/x'), [])).toEqual({
      ok: false,
      address: '127.0.0.1',
      range: 'loopback',
    });
    expect(await checkHost(new URL('http://[::1]/x'), [])).toMatchObject({ ok: false, range: 'loopback' });
    expect(await checkHost(new URL('http://127.0.0.1:8080/x'), ['127.0.0.1:8080'])).toMatchObject({
      ok: true,
    });
    expect(await checkHost(new URL('http://127.0.0.1:9090/x'), ['127.0.0.1:8080'])).toMatchObject({
      ok: false,
    });
    expect(await checkHost(new URL('http://10.0.0.1/'), ['127.0.0.1'])).toMatchObject({
      ok: false,
      range: 'private',
    });
  });

  it('resolves names before judging them (localhost is loopback)', async () => {
    expect(await checkHost(new URL('http://localhost/'), [])).toMatchObject({ ok: false, range: 'loopback' });
    expect(isPrivateHostAllowed(new URL('http://LocalHost/'), ['localhost'])).toBe(true);
  });
});
