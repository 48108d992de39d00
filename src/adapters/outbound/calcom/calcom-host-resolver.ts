import { promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from './calcom-address-policy';

/** Every address a host name resolves to. Injectable so tests can play DNS (rebinding too). */
export type ResolveHost = (hostname: string) => Promise<readonly LookupAddress[]>;

export const systemResolveHost: ResolveHost = (hostname) =>
  dns.lookup(hostname, { all: true, verbatim: true });

/** A host name that resolved to an address the service must not connect to. */
export class AddressRefusedError extends Error {
  readonly code = 'ECALCOM_ADDRESS_REFUSED';

  constructor(readonly hostname: string) {
    super(`${hostname} resolves to a non-public address`);
  }
}

/**
 * The `lookup` of the Cal.com HTTP agents: resolves the name and, when `guarded`, refuses the
 * connection if any of its addresses is not public, so the address checked is the address
 * connected to (a name that answered a public address when the credential was stored and a
 * private one now is refused here, before any packet is sent). Allow-listed hosts resolve
 * through the same resolver unguarded.
 */
export function resolverLookup(resolve: ResolveHost, guarded: boolean): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    resolve(hostname).then(
      (found) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const addresses = found.filter((a) => family === 0 || a.family === family);
        if (guarded && found.some((a) => !isPublicAddress(a.address))) {
          callback(new AddressRefusedError(hostname), '', 0);
          return;
        }
        if (addresses.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = 'ENOTFOUND';
          callback(error, '', 0);
          return;
        }
        if (options.all)
          callback(
            null,
            addresses.map((a) => ({ ...a })),
          );
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/**
 * Why a host name may not be stored as a Cal.com host, or null: it must resolve, and only to
 * public addresses.
 */
export async function refusalOfHostName(
  hostname: string,
  resolve: ResolveHost,
): Promise<string | null> {
  let found: readonly LookupAddress[];
  try {
    found = await resolve(hostname);
  } catch {
    return 'must name a host that resolves (DNS found no address)';
  }
  if (found.length === 0) return 'must name a host that resolves (DNS found no address)';
  if (found.some((a) => !isPublicAddress(a.address))) {
    return 'must name a host on public addresses (it resolves to a private, loopback, link-local or reserved one; list self-hosted Cal.com in CALCOM_ALLOWED_HOSTS)';
  }
  return null;
}
