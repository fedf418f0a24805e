import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { RefusedAddressError } from './errors.ts';

/** One resolved address of a host, as `dns.lookup` gives it. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** The outcome of checking one URL's host. */
export type HostCheck =
  | { readonly ok: true; readonly addresses: readonly ResolvedAddress[] }
  | { readonly ok: false; readonly address: string; readonly range: string };

/**
 * The ipaddr.js range of an address when it is not a public unicast address
 * (loopback, private, link-local, unique-local, unspecified, multicast,
 * carrier-grade NAT, reserved, …), else `null`. IPv4-mapped IPv6 addresses are
 * judged as the IPv4 address they carry.
 */
export function nonPublicRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : range;
}

/**
 * Whether a URL's host may resolve to a non-public address: its hostname or
 * `hostname:port` is in the allow-list (lower-case, as in Settings).
 */
export function isPrivateHostAllowed(url: URL, allowPrivateHosts: readonly string[]): boolean {
  const hostname = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port;
  return allowPrivateHosts.some((allowed) => {
    const entry = allowed.toLowerCase();
    return entry === hostname || entry === url.host.toLowerCase() || entry === `${hostname}:${port}`;
  });
}

/**
 * Resolves a URL's host and refuses it when any address is not public, unless
 * the host is allowed. The addresses returned are the ones to connect to, so
 * that a second DNS answer cannot swap in a private address (DNS rebinding).
 */
export async function checkHost(url: URL, allowPrivateHosts: readonly string[]): Promise<HostCheck> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const addresses: ResolvedAddress[] = ipaddr.isValid(hostname)
    ? [{ address: hostname, family: ipaddr.parse(hostname).kind() === 'ipv6' ? 6 : 4 }]
    : (await lookup(hostname, { all: true, verbatim: true })).map((entry) => ({
        address: entry.address,
        family: entry.family === 6 ? 6 : 4,
      }));
  if (isPrivateHostAllowed(url, allowPrivateHosts)) return { ok: true, addresses };
  for (const entry of addresses) {
    const range = nonPublicRange(entry.address);
    if (range !== null) return { ok: false, address: entry.address, range };
  }
  return { ok: true, addresses };
}

/** Like {@link checkHost}, but throws RefusedAddressError for a refused host. */
export async function assertHostAllowed(
  url: URL,
  allowPrivateHosts: readonly string[],
): Promise<readonly ResolvedAddress[]> {
  const check = await checkHost(url, allowPrivateHosts);
  if (!check.ok) throw new RefusedAddressError(url.toString(), check.address, check.range);
  return check.addresses;
}
