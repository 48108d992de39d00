import type { LookupAddress } from 'node:dns';
import { CalcomHostCheck } from './calcom-host-check';
import type { ResolveHost } from './calcom-host-resolver';

const v4 = (address: string): LookupAddress => ({ address, family: 4 });
const v6 = (address: string): LookupAddress => ({ address, family: 6 });

/** A DNS of the test's own: names to addresses; unknown names fail like NXDOMAIN. */
function dns(zone: Record<string, LookupAddress[]>): ResolveHost & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const found = zone[hostname];
    if (!found)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found;
  };
  return Object.assign(resolve, { asked });
}

describe('the Cal.com host check before a credential is stored', () => {
  const zone = dns({
    'api.cal.com': [v4('104.18.22.140'), v6('2606:4700::6812:168c')],
    'rebind.attacker.example': [v4('169.254.169.254')],
    'mixed.attacker.example': [v4('104.18.22.140'), v4('10.0.0.7')],
    'v6private.attacker.example': [v6('fd00:ec2::254')],
    'mapped.attacker.example': [v6('::ffff:127.0.0.1')],
    'cal.salon.internal': [v4('10.0.0.20')],
  });

  it('accepts a host on public addresses only', async () => {
    const check = new CalcomHostCheck([], zone);
    expect(await check.refusal('https://api.cal.com')).toBeNull();
    expect(await check.refusal('https://104.18.22.140')).toBeNull();
  });

  it.each([
    'rebind.attacker.example',
    'mixed.attacker.example',
    'v6private.attacker.example',
    'mapped.attacker.example',
  ])('refuses %s, whose DNS answers a non-public address', async (host) => {
    const check = new CalcomHostCheck([], zone);
    expect(await check.refusal(`https://${host}/`)).toMatch(/public addresses/);
  });

  it('refuses a name that does not resolve', async () => {
    expect(await new CalcomHostCheck([], zone).refusal('https://nothing.invalid')).toMatch(
      /resolves/,
    );
  });

  it('refuses by the policy before asking DNS', async () => {
    const asked = zone.asked.length;
    const check = new CalcomHostCheck([], zone);
    expect(await check.refusal('https://api.cal.com/#')).toMatch(/fragment/);
    expect(await check.refusal('https://127.0.0.1')).toMatch(/private/);
    expect(zone.asked.length).toBe(asked);
  });

  it('accepts a host the operator listed without asking DNS', async () => {
    const asked = zone.asked.length;
    const check = new CalcomHostCheck(['cal.salon.internal:443', '127.0.0.1:4010'], zone);
    expect(await check.refusal('https://cal.salon.internal/api')).toBeNull();
    expect(await check.refusal('http://127.0.0.1:4010')).toBeNull();
    expect(zone.asked.length).toBe(asked);
  });
});
