import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import {
  PHONE_FUNCTION_NAMES,
  PhoneFunctionArgs,
} from '../../../src/application/booking/phone-functions';
import {
  PHONE_FUNCTIONS,
  PhoneFunctions,
} from '../../../src/adapters/inbound/retell/phone-functions.dispatcher';
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
    // odd code points: lone surrogates, NUL, noncharacters, private use, the last code point
    'Eva\ud800',
    '\udfff Freitag',
    'Dauer\u0000welle',
    '\uffff\ufffe',
    '\ue000\u{10ffff}',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const value = fc.option(fc.oneof(plausible, hostile), { nil: undefined });
const callerNumber = fc.option(
  fc.oneof(
    fc.constantFrom(
      '+4915112345678',
      'anonymous',
      '0151 1234567',
      '+49301234567890123', // 17 digits: no E.164 number, answered as withheld
      '4930123456789012',
      '+49151\ud800123',
      '+49151\u000012345678',
    ),
    // around E.164's 15 digits, with and without the plus
    fc.stringMatching(/^\+?[1-9]\d{12,19}$/),
    fc.string({ maxLength: 20 }),
  ),
  { nil: null },
);
/** Characters Postgres or JSON parsers refuse, and other odd code points. */
const oddCharacter = fc.oneof(
  fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\u0000', '\uffff', '\ufffe'),
  fc.constantFrom('\ue000', '\u{10ffff}', '\u{1f487}', '\u200b', '\u202e', '\u0007'),
);
/** A plausible word with odd characters somewhere in it. */
const oddly = (words: string[]) =>
  fc
    .tuple(fc.constantFrom(...words), fc.array(oddCharacter, { minLength: 1, maxLength: 3 }))
    .chain(([word, odd]) =>
      fc.nat(word.length).map((at) => `${word.slice(0, at)}${odd.join('')}${word.slice(at)}`),
    );
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
        callerNumber,
        async (name, a, callerNumber) => {
          const before = await snapshot();
          const answer = await functions.run(
            name,
            { companyId, branchId, callId: 'call_5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d', callerNumber },
            a,
          );
          expect(typeof answer.success).toBe('boolean');
          expect(typeof answer.code).toBe('string');
          expect(answer.code).not.toMatch(/^INTERNAL\./);
          expect(answer.message.length).toBeGreaterThan(0);
          expect(answer.message).not.toMatch(/<|undefined|NaN|\[object/);
          if (!answer.success) expect(await snapshot()).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it('answers bookings and questions whose words hold odd characters, never INTERNAL', async () => {
    const service = fc.constantFrom('Herrenschnitt', 'Dauerwelle', 'Färben');
    const date = fc.constantFrom('Freitag', 'Samstag', 'nächsten Dienstag', '2026-12-04');
    const time = fc.constantFrom('9 Uhr', '10 Uhr', 'halb elf', '14:30', '16 Uhr');
    // Plain words and bookings weigh more, so the writers are reached in every run of the suite:
    // 10-14 of the 200 runs booked in four tries; with even weights one try in sixteen booked none.
    const plainOr = <T>(plain: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: odd });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 2, arbitrary: fc.constant('book_appointment' as const) },
          { weight: 4, arbitrary: fc.constantFrom(...PHONE_FUNCTION_NAMES) },
        ),
        fc.record({
          service: plainOr(service, oddly(['Herrenschnitt', 'Dauerwelle'])),
          date: plainOr(date, oddly(['Freitag', '2026-12-04'])),
          time: plainOr(time, oddly(['10 Uhr', 'halb elf'])),
          name: fc.oneof(oddly(['Eva Braun', 'Jörg Weiß', 'Zoë']), fc.constant('Eva Braun')),
          staff: fc.option(fc.oneof(oddly(['Anna', 'Mehmet']), fc.constant('Anna')), {
            nil: undefined,
          }),
          email: fc.option(oddly(['eva@example.org']), { nil: undefined }),
          newDate: fc.option(fc.oneof(date, oddly(['Samstag'])), { nil: undefined }),
          newTime: fc.option(time, { nil: undefined }),
        }),
        fc.oneof({ weight: 4, arbitrary: fc.constant('+4915112345678') }, callerNumber),
        async (name, a, caller) => {
          const callId = `call_${randomBytes(16).toString('hex')}`;
          const context = { companyId, branchId, callId, callerNumber: caller };
          // A check first, as the agent does, so a booking can take its hold.
          await functions.run('check_availability', context, a);
          const answer = await functions.run(name, context, a);
          expect([name, answer.code]).toEqual([name, expect.not.stringMatching(/^INTERNAL\./)]);
          expect(answer.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
    // The property reached the writers, not only the refusals.
    expect((await ds.query(`SELECT count(*)::int AS n FROM appointments`))[0].n).toBeGreaterThan(0);
  }, 120_000);
});
