import fc from 'fast-check';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import {
  PHONE_FUNCTION_NAMES,
  PHONE_FUNCTIONS,
  PhoneFunctionArgs,
  PhoneFunctions,
} from '../../../src/application/booking/phone-functions';
import { SALON_CATALOG, SalonCatalog } from '../../../src/application/ports/salon-catalog.port';
import { bookingApp, TestClock } from '../../support/booking-app';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const NOW = new Date('2026-11-26T14:00:00Z');

/** Words the agent really sends, mixed with noise, so the fuzz also reaches the deeper paths. */
const plausible = fc.constantFrom(
  'Dauerwelle',
  'Herrenschnitt',
  'Färben',
  'morgen',
  'Freitag',
  'nächsten Freitag',
  '5. Dezember',
  '10 Uhr',
  'halb drei',
  'um drei',
  'Anna',
  'Mehmet',
  'egal',
  'Petra Schmidt',
  '2026-12-04',
  '2023-01-01',
  '25:99',
  '',
  ' ',
  'null',
  'undefined',
  '{{date}}',
);
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    "'; DROP TABLE appointments; --",
    'x'.repeat(200),
    '\u0000\u0007',
    '😀💇‍♀️',
    '%00',
    '../../etc/passwd',
    'NaN',
    '-1',
    '1e309',
  ),
);
const value = fc.option(fc.oneof(plausible, hostile), { nil: undefined });
const args: fc.Arbitrary<PhoneFunctionArgs> = fc.record(
  {
    service: value,
    date: value,
    time: value,
    name: value,
    staff: value,
    email: value,
    appointmentId: value,
    newDate: value,
    newTime: value,
  },
  { requiredKeys: [] },
);

describe('phone functions under garbage (fast-check, real Postgres)', () => {
  let db: TestDatabase;
  let app: TestingModule;
  let functions: PhoneFunctions;
  let ds: DataSource;
  let companyId: string;
  let branchId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await bookingApp(db.url, new TestClock(NOW));
    functions = app.get(PHONE_FUNCTIONS);
    ds = app.get(DataSource);
    const catalog = app.get<SalonCatalog>(SALON_CATALOG);
    branchId = (await catalog.branchIdForAnsweredNumber('+4930901820'))!;
    companyId = (await catalog.branchContext(branchId))!.companyId;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db.drop();
  });

  const snapshot = async () =>
    JSON.stringify(await ds.query(`SELECT id, status, starts_at FROM appointments ORDER BY id`));

  it('answers every function with a speakable answer and changes nothing when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PHONE_FUNCTION_NAMES),
        args,
        fc.option(
          fc.oneof(
            fc.constantFrom('+4915112345678', 'anonymous', '0151 1234567'),
            fc.string({ maxLength: 20 }),
          ),
          { nil: null },
        ),
        async (name, a, callerNumber) => {
          const before = await snapshot();
          const answer = await functions.run(
            name,
            { companyId, branchId, callId: 'call_5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d', callerNumber },
            a,
          );
          expect(typeof answer.success).toBe('boolean');
          expect(typeof answer.code).toBe('string');
          expect(answer.message.length).toBeGreaterThan(0);
          expect(answer.message).not.toMatch(/<|undefined|NaN|\[object/);
          if (!answer.success) expect(await snapshot()).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
