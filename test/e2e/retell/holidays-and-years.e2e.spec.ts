import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { BootedService, bootService, signedPost } from '../../support/booted-service';

const KEY = 'key_e2e_holidays_years_0123456789';
const NOW = '2026-12-07T10:00:00Z'; // Monday 7 December 2026, 11:00 in Berlin
const SALON = '+4930901820';

/**
 * Asked in December over signed HTTP with Retell's full body: holidays by name are days like
 * any other (the demo salon is closed on them), and days of next year are said with the year.
 */
describe('holidays by name and days of next year, over signed HTTP', () => {
  let service: BootedService;
  let app: INestApplication;

  beforeAll(async () => {
    service = await bootService({ RETELL_API_KEY: KEY, FIXED_NOW: NOW });
    ({ app } = service);
  }, 60_000);
  afterAll(() => service?.close());

  const call = () => ({
    call_id: `call_${randomBytes(16).toString('hex')}`,
    call_type: 'phone_call',
    direction: 'inbound',
    from_number: '+4915112345678',
    to_number: SALON,
    agent_id: 'agent_haarmonie_demo',
    agent_version: 3,
    call_status: 'ongoing',
    start_timestamp: Date.parse(NOW),
    transcript: 'Agent: Salon Haarmonie, guten Tag.\nUser: Haben Sie an Heiligabend offen?',
  });
  const fn = async (name: string, args: Record<string, unknown>) => {
    const res = await signedPost(
      app,
      '/api/retell/function-call',
      { name, args, call: call() },
      KEY,
    );
    expect(res.status).toBe(200);
    const body = res.body as Record<string, unknown> & { code: string; message: string };
    expect(body.code).not.toMatch(/^INTERNAL\./);
    expect(body.message.length).toBeLessThanOrEqual(200);
    return body;
  };

  it.each([
    ['Heiligabend', '2026-12-24', 'Donnerstag, 24. Dezember'],
    ['am ersten Weihnachtstag', '2026-12-25', 'Freitag, 25. Dezember'],
    ['zweiter Weihnachtstag', '2026-12-26', 'Samstag, 26. Dezember'],
    ['Silvester', '2026-12-31', 'Donnerstag, 31. Dezember'],
    ['Neujahr', '2027-01-01', 'Freitag, 1. Januar 2027'],
  ])(
    '%j is understood; the closed day answers closed with the nearest day',
    async (said, date, spoken) => {
      const a = await fn('check_availability', {
        dienstleistung: 'Herrenschnitt',
        datum: said,
        uhrzeit: '10 Uhr',
      });
      expect(a).toMatchObject({ code: 'AVAILABILITY.CLOSED_DAY', asked: { date } });
      expect(a.message).toMatch(new RegExp(`^Am ${spoken} ist der Salon geschlossen\\. `));
      expect((a.alternatives as unknown[]).length).toBeGreaterThan(0);
    },
  );

  it('a day of next year carries its year, a day of this year does not', async () => {
    const next = await fn('check_availability', {
      dienstleistung: 'Herrenschnitt',
      datum: '15. Januar',
      uhrzeit: '10 Uhr',
    });
    expect(next.message).toContain('Freitag, 15. Januar 2027 um 10 Uhr');
    const open = await fn('check_availability', {
      dienstleistung: 'Herrenschnitt',
      datum: '15. Januar',
    });
    expect(open.message).toContain('Freitag, 15. Januar 2027');
    const same = await fn('check_availability', {
      dienstleistung: 'Herrenschnitt',
      datum: '15. Dezember',
      uhrzeit: '10 Uhr',
    });
    expect(same.message).toContain('Dienstag, 15. Dezember um 10 Uhr');
    expect(same.message).not.toContain('2026');
  });
});
