import type { CalendarHostCheck } from '../../../application/admin/ports/calendar-host-check.port';
import { checkCalcomBaseUrl } from './calcom-address-policy';
import { refusalOfHostName, type ResolveHost } from './calcom-host-resolver';

/**
 * The check a Cal.com base URL passes before it is stored: the address policy, and for a host
 * name not on the allow-list, DNS answering public addresses only. Connections are checked
 * again (the name may resolve elsewhere later).
 */
export class CalcomHostCheck implements CalendarHostCheck {
  constructor(
    private readonly allowedHosts: readonly string[],
    private readonly resolveHost: ResolveHost,
  ) {}

  async refusal(baseUrl: string): Promise<string | null> {
    const checked = checkCalcomBaseUrl(baseUrl, this.allowedHosts);
    if (!checked.ok) return checked.reason;
    if (checked.allowListed || checked.hostName === null) return null;
    return refusalOfHostName(checked.hostName, (name) => withinTime(this.resolveHost(name)));
  }
}

/** A resolver that does not answer is a name that does not resolve, not a hanging request. */
const RESOLVE_TIMEOUT_MS = 5000;

function withinTime<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('DNS did not answer in time')), RESOLVE_TIMEOUT_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
