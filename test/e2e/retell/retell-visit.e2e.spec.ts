import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { BootedService, bootService, signedPost } from '../../support/booted-service';
import { TestDatabase } from '../../support/test-database';

const KEY = 'key_e2e_visit_0123456789abcdef';
const NOW = '2026-11-26T14:00:00Z'; // Thursday, 15:00 in Berlin
const SALON = '+4930901820';

/**
 * Several services said in one phrase, over signed HTTP against the demo salon on real Postgres:
 * none of them is ever dropped, and a part not understood is named back.
 */
describe('several services in one phrase, end to end', () => {
  let service: BootedService;
  let db: TestDatabase;
  let app: INestApplication;
  const call = () => ({
    call_id: `call_${randomBytes(16).toString('hex')}`,
    from_number: '+4915112345670',
    to_number: SALON,
    agent_id: 'agent_haarmonie_demo',
    call_status: 'ongoing',
  });

  beforeAll(async () => {
    service = await bootService({
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      RETELL_API_KEY: KEY,
      FIXED_NOW: NOW,
    });
    ({ db, app } = service);
  }, 60_000);
  afterAll(() => service?.close());

  const fn = async (name: string, args: Record<string, unknown>) => {
    const res = await signedPost(
      app,
      '/api/retell/function-call',
      { name, args, call: call() },
      KEY,
    );
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown> & { code: string; message: string };
  };
  const appointments = async () =>
    Number((await db.dataSource.query('SELECT count(*) AS n FROM appointments'))[0].n);

  const booking = (service: string) => ({
    dienstleistung: service,
    datum: 'Freitag',
    uhrzeit: '11 Uhr',
    name: 'Erika Mustermann',
  });

  it('"Schneiden und Färben" books nothing and names "Schneiden" as not understood', async () => {
    const before = await appointments();
    const said = await fn('book_appointment', booking('Schneiden und Färben'));
    expect(said).toMatchObject({
      success: false,
      not_understood: 'Schneiden',
      understood: ['Färben'],
    });
    expect(said.message).toContain('Schneiden');
    expect(await appointments()).toBe(before);
  });

  it('an unknown second service is named, in check_availability too', async () => {
    const said = await fn('check_availability', booking('Färben und Augenbrauen zupfen'));
    expect(said).toMatchObject({ code: 'SERVICE.UNKNOWN', not_understood: 'Augenbrauen zupfen' });
  });

  it.each([
    ['30 services', Array.from({ length: 30 }, () => 'Färben').join(' und ')],
    ['"und und und"', 'und und und'],
    ['a long list of signs', ',;&+/'.repeat(60)],
  ])('%s: a question back, nothing booked', async (_, spoken) => {
    const before = await appointments();
    const said = await fn('book_appointment', booking(spoken));
    expect(said.code).toMatch(/^SERVICE\./);
    expect(said.message.length).toBeLessThanOrEqual(200);
    expect(await appointments()).toBe(before);
  });
});
