import { BlockList, isIP } from 'node:net';

/**
 * Where the service may send a tenant's Cal.com requests. A base URL comes from a tenant (a
 * stored credential) or the operator (CALCOM_BASE_URL); either way it must not point the
 * service at its own network (cloud metadata, Redis, Postgres, admin ports).
 *
 * Only https:// hosts on public addresses are reached; hosts the operator lists in
 * CALCOM_ALLOWED_HOSTS (host:port: a self-hosted Cal.com, a test double) are reached whatever
 * their address, over http or https.
 */

/** Addresses that are not on the public internet, or that embed one that may not be. */
const NOT_PUBLIC: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'], // "this network", unspecified
  ['10.0.0.0', 8, 'ipv4'], // private
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT
  ['127.0.0.0', 8, 'ipv4'], // loopback
  ['169.254.0.0', 16, 'ipv4'], // link-local (cloud metadata)
  ['172.16.0.0', 12, 'ipv4'], // private
  ['192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['192.0.2.0', 24, 'ipv4'], // documentation
  ['192.88.99.0', 24, 'ipv4'], // 6to4 relay
  ['192.168.0.0', 16, 'ipv4'], // private
  ['198.18.0.0', 15, 'ipv4'], // benchmarking
  ['198.51.100.0', 24, 'ipv4'], // documentation
  ['203.0.113.0', 24, 'ipv4'], // documentation
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 96, 'ipv6'], // unspecified, loopback, IPv4-compatible
  ['::ffff:0:0', 96, 'ipv6'], // IPv4-mapped
  ['64:ff9b::', 96, 'ipv6'], // NAT64
  ['64:ff9b:1::', 48, 'ipv6'], // local-use NAT64
  ['100::', 64, 'ipv6'], // discard
  ['2001::', 23, 'ipv6'], // IETF protocol assignments, Teredo
  ['2001:db8::', 32, 'ipv6'], // documentation
  ['2002::', 16, 'ipv6'], // 6to4 (embeds an IPv4 address)
  ['fc00::', 7, 'ipv6'], // unique-local
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'], // site-local (deprecated)
  ['ff00::', 8, 'ipv6'], // multicast
];

// One list per family: a BlockList holding IPv4-mapped rules would match every IPv4 address.
const notPublic = { ipv4: new BlockList(), ipv6: new BlockList() };
for (const [network, prefix, family] of NOT_PUBLIC) {
  notPublic[family].addSubnet(network, prefix, family);
}

/** True only for a well-formed IP address on the public internet. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 0 || bare.includes('%')) return false;
  return family === 4 ? !notPublic.ipv4.check(bare, 'ipv4') : !notPublic.ipv6.check(bare, 'ipv6');
}

/** One CALCOM_ALLOWED_HOSTS entry: `host:port`, the host a name, an IPv4 or a [bracketed] IPv6. */
const ALLOWED_HOST_ENTRY =
  /^([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/;

/**
 * CALCOM_ALLOWED_HOSTS as normalised `host:port` keys (lower case, IPv6 compressed, IPv4 in
 * dotted form), or the entries that are not of that form.
 */
export function parseAllowedHosts(
  text: string | undefined,
): { ok: true; hosts: string[] } | { ok: false; bad: string[] } {
  const entries = (text ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const hosts: string[] = [];
  const bad: string[] = [];
  for (const entry of entries) {
    const match = ALLOWED_HOST_ENTRY.exec(entry);
    const port = match ? Number(match[2]) : 0;
    let url: URL | undefined;
    try {
      url = match && port >= 1 && port <= 65535 ? new URL(`http://${match[1]}`) : undefined;
    } catch {
      url = undefined;
    }
    if (url) hosts.push(`${url.hostname}:${port}`);
    else bad.push(entry);
  }
  return bad.length > 0 ? { ok: false, bad } : { ok: true, hosts };
}

/** CALCOM_ALLOWED_HOSTS already validated with the environment: its keys. */
export function allowedHostKeys(text: string | undefined): string[] {
  const parsed = parseAllowedHosts(text);
  if (!parsed.ok)
    throw new RangeError(`CALCOM_ALLOWED_HOSTS: not host:port: ${parsed.bad.join(', ')}`);
  return parsed.hosts;
}

/** The allow-list key of a parsed URL: its host and its port, default ports spelled out. */
export function hostKey(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}:${port}`;
}

export interface CheckedBaseUrl {
  readonly url: URL;
  /** Listed by the operator: its address is not checked and plain http is allowed. */
  readonly allowListed: boolean;
  /** The host when it is a name, which must still resolve to public addresses only. */
  readonly hostName: string | null;
}

export type BaseUrlCheck =
  ({ readonly ok: true } & CheckedBaseUrl) | { readonly ok: false; readonly reason: string };

const refuse = (reason: string): BaseUrlCheck => ({ ok: false, reason });

/** A path prefix such as /api for a self-hosted Cal.com: plain segments only. */
const PLAIN_PATH = /^(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/;

/**
 * What can be told of a Cal.com base URL without asking DNS: scheme, no credentials, query or
 * fragment (a `#` would turn the client's own /v2/... path into a fragment), a plain path, and
 * a public IP or a fully qualified name unless the operator listed the host.
 */
export function checkCalcomBaseUrl(text: string, allowedHosts: readonly string[]): BaseUrlCheck {
  if (/[\s\u0000-\u001f\u007f\\]/.test(text)) {
    return refuse('must not contain spaces, control characters or backslashes');
  }
  if (text.includes('#')) return refuse('must not contain a fragment (#)');
  if (text.includes('?')) return refuse('must not contain a query string (?)');
  if (text.includes('@')) return refuse('must not contain credentials (user:password@)');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('must be an absolute https:// URL');
  }
  if (url.username !== '' || url.password !== '') {
    return refuse('must not contain credentials (user:password@)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse('must be an https:// URL');
  }
  if (!PLAIN_PATH.test(url.pathname) || /%/.test(text)) {
    return refuse('must have a plain path (letters, digits, - _ . ~ between slashes)');
  }
  const allowListed = allowedHosts.includes(hostKey(url));
  if (url.protocol === 'http:' && !allowListed) {
    return refuse('must be an https:// URL (plain http only for hosts in CALCOM_ALLOWED_HOSTS)');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const isAddress = isIP(host) !== 0;
  if (!allowListed) {
    if (isAddress && !isPublicAddress(host)) {
      return refuse(
        'must not point at a private, loopback, link-local or reserved address (unless the host is in CALCOM_ALLOWED_HOSTS)',
      );
    }
    if (!isAddress && (!host.includes('.') || /(^|\.)localhost\.?$/i.test(host))) {
      return refuse('must name a public host by its fully qualified name');
    }
  }
  return { ok: true, url, allowListed, hostName: isAddress ? null : host };
}
