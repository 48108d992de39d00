import { checkCalcomBaseUrl, isPublicAddress, parseAllowedHosts } from './calcom-address-policy';

const refused = (url: string, allowed: string[] = []) => {
  const checked = checkCalcomBaseUrl(url, allowed);
  return checked.ok ? null : checked.reason;
};

describe('Cal.com address policy', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    '2002:a9fe:a9fe::1',
    'fd00:ec2::254',
    'fc00::1',
    'fe80::1',
    'fe80::1%eth0',
    'ff02::1',
    '2001:db8::1',
    'not-an-address',
  ])('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['104.18.22.140', '8.8.8.8', '2606:4700::6812:168c', '2a00:1450:4001:80b::200e'])(
    '%s is public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it.each([
    ['http://169.254.169.254/latest/meta-data/#', /fragment/],
    ['https://169.254.169.254/latest/meta-data', /private, loopback, link-local/],
    ['https://[fd00:ec2::254]/latest', /private/],
    ['https://[::ffff:169.254.169.254]/', /private/],
    ['https://[::ffff:7f00:1]:6379', /private/],
    ['https://[::1]:6379', /private/],
    ['http://127.0.0.1:6379', /https/],
    ['https://127.0.0.1:6379', /private/],
    ['https://2130706433/', /private/],
    ['https://0x7f.0.0.1/', /private/],
    ['https://127.1/', /private/],
    ['https://[fe80::1]/', /private/],
    ['https://0.0.0.0/', /private/],
    ['https://localhost/', /fully qualified/],
    ['https://api.localhost/', /fully qualified/],
    ['https://metadata/', /fully qualified/],
    ['https://api.cal.com/#', /fragment/],
    ['https://api.cal.com/v2#x', /fragment/],
    ['https://api.cal.com/?a=1', /query/],
    ['https://api.cal.com?', /query/],
    ['https://user:pass@api.cal.com', /credentials/],
    ['https://api.cal.com@169.254.169.254/', /credentials/],
    ['http://api.cal.com', /https/],
    ['ftp://api.cal.com', /https/],
    ['javascript:alert(1)', /https/],
    ['https://api.cal.com/%2e%2e/', /plain path/],
    ['https://api.cal.com\\@127.0.0.1/', /backslash/],
    ['https://api.cal.com/\nfoo', /control/],
    ['api.cal.com', /absolute/],
  ])('refuses %s', (url, why) => {
    expect(refused(url)).toMatch(why);
  });

  it.each([
    'https://api.cal.com',
    'https://api.cal.eu/',
    'https://cal.salon.example/api',
    'https://104.18.22.140:8443',
  ])('accepts %s', (url) => {
    expect(refused(url)).toBeNull();
  });

  it('tells a host name (resolved later) from a public address literal', () => {
    expect(checkCalcomBaseUrl('https://api.cal.com', [])).toMatchObject({
      ok: true,
      hostName: 'api.cal.com',
      allowListed: false,
    });
    expect(checkCalcomBaseUrl('https://104.18.22.140', [])).toMatchObject({
      ok: true,
      hostName: null,
    });
  });

  it('lets the operator list private hosts by host and port, over http too', () => {
    const allowed = ['127.0.0.1:4010', 'cal.internal:443', '[::1]:8080'];
    expect(checkCalcomBaseUrl('http://127.0.0.1:4010', allowed)).toMatchObject({
      ok: true,
      allowListed: true,
    });
    expect(refused('https://cal.internal/api', allowed)).toBeNull();
    expect(refused('http://[::1]:8080/', allowed)).toBeNull();
    // Another port of the same host is not listed.
    expect(refused('http://127.0.0.1:6379', allowed)).toMatch(/https/);
    expect(refused('https://127.0.0.1:6379', allowed)).toMatch(/private/);
    // A listed host still gets no fragment, query or credentials.
    expect(refused('http://127.0.0.1:4010/#', allowed)).toMatch(/fragment/);
    expect(refused('http://u:p@127.0.0.1:4010', allowed)).toMatch(/credentials/);
  });

  it('reads CALCOM_ALLOWED_HOSTS into normalised host:port keys', () => {
    expect(parseAllowedHosts(undefined)).toEqual({ ok: true, hosts: [] });
    expect(parseAllowedHosts(' 127.0.0.1:4010 , Cal.Internal:443,[0:0::1]:8080')).toEqual({
      ok: true,
      hosts: ['127.0.0.1:4010', 'cal.internal:443', '[::1]:8080'],
    });
    expect(parseAllowedHosts('127.0.0.1, cal.internal:99999, http://x:1, [::1]:0')).toEqual({
      ok: false,
      bad: ['127.0.0.1', 'cal.internal:99999', 'http://x:1', '[::1]:0'],
    });
  });
});
