import { TypeOrmSalonCatalog } from '../../../src/adapters/outbound/persistence/repositories/typeorm-salon-catalog';
import { SALON_CATALOG } from '../../../src/application/ports/salon-catalog.port';
import { TypeOrmSalonWriter } from '../../../src/adapters/outbound/persistence/typeorm-salon.writer';
import { ImportSalonUseCase } from '../../../src/application/salon-file/import-salon.use-case';
import { MAX_SPOKEN_CHARS } from '../../../src/domain/shared/german-messages';
import { TestClock } from '../../support/booking-app';
import { PhoneWorld, phoneWorld } from '../../support/phone-world';

const NOW = new Date('2026-11-26T14:00:00Z');
const CALL = 'call_5a1e0c2b7d9f4e6a8b3c1d0e2f4a6b8c';

/** Another company whose only service the demo salon's callers must never hear of. */
const BARBER = {
  company: { name: 'Barbier Nord', slug: 'barbier-nord' },
  branches: [
    {
      key: 'nord',
      name: 'Barbier Nord',
      phoneNumbers: ['+4940555099'],
      openingHours: { mon: [{ from: '09:00', to: '18:00' }] },
    },
  ],
  services: [
    {
      key: 'bart',
      name: 'Bartpflege Deluxe',
      durationMinutes: 30,
      description: 'Geheimrezept',
      priceMinCents: 99900,
    },
  ],
  staff: [{ key: 'olaf', name: 'Olaf', branch: 'nord', services: ['bart'] }],
};

describe('get_service_info over real Postgres', () => {
  let w: PhoneWorld;

  beforeAll(async () => {
    w = await phoneWorld(new TestClock(NOW));
    const other = await new ImportSalonUseCase(new TypeOrmSalonWriter(w.ds)).execute(BARBER);
    if (!other.ok) throw new Error(JSON.stringify(other.error));
  }, 60_000);
  afterAll(() => w?.close());

  const ask = (service: string | undefined) =>
    w.run('get_service_info', { service }, CALL, '+4915112345678');

  it('reads the salon file: description, duration with processing time, price range, stylists', async () => {
    const a = await ask('eine Dauerwelle');
    expect(a).toMatchObject({
      success: true,
      code: 'OK',
      service: 'Dauerwelle',
      duration_minutes: 125,
      processing_minutes: 50,
      price_min_cents: 8900,
      price_max_cents: 11900,
      staff: ['Anna', 'Lena'],
    });
    expect(a.message).toBe(
      'Dauerwelle: Wickeln, Einwirken, Fixieren und Föhnen, inklusive Pflege. Sie dauert etwa 2 Stunden und 5 Minuten, davon 50 Minuten Einwirkzeit. Sie kostet 89 bis 119 Euro. Das machen Anna und Lena.',
    );
  });

  it('a single price, and a synonym finds the service', async () => {
    const a = await ask('Herrenschnitt');
    expect(a).toMatchObject({
      service: 'Herrenhaarschnitt',
      price_min_cents: 2800,
      price_max_cents: 2800,
      processing_minutes: 0,
    });
    expect(a.message).toContain('Sie kostet 28 Euro.');
  });

  it('a price changed in the database is what the next call hears', async () => {
    await w.ds.query(
      `UPDATE services SET price_min_cents = 3000, price_max_cents = 3500
        WHERE name = 'Kinderhaarschnitt' AND company_id = $1`,
      [w.base.companyId],
    );
    await expect(
      w.ds.query(
        `UPDATE services SET price_min_cents = 3000, price_max_cents = 2000 WHERE company_id = $1`,
        [w.base.companyId],
      ),
    ).rejects.toThrow(/services_price_range_check/);
    await expect(
      w.ds.query(`UPDATE services SET price_min_cents = -1, price_max_cents = 1`),
    ).rejects.toThrow(/services_price_range_check/);
    await expect(
      w.ds.query(`UPDATE services SET price_min_cents = 1, price_max_cents = NULL`),
    ).rejects.toThrow(/services_price_range_check/);
    // What an operator changes shows within the catalog's 5 s; forgetting stands for the wait.
    w.app.get<TypeOrmSalonCatalog>(SALON_CATALOG).forget();
    expect(await ask('Kinderhaarschnitt')).toMatchObject({
      price_min_cents: 3000,
      price_max_cents: 3500,
    });
  });

  it('asks which service, naming a few, for an unknown or missing name', async () => {
    const unknown = await ask('Nagelstudio');
    expect(unknown).toMatchObject({ success: false, code: 'SERVICE.UNKNOWN' });
    expect(unknown.message).toMatch(/^Diese Leistung habe ich leider nicht gefunden\. Meinen Sie /);
    expect((unknown.offered as string[]).length).toBe(3);
    expect(await ask(undefined)).toMatchObject({ success: false, code: 'SERVICE.UNKNOWN' });
  });

  it('drops no service of several said: the unclear one is asked about, else which first', async () => {
    const unclear = await ask('Schneiden und Färben');
    // "Schneiden" is the kind of the three haircuts: asked which one, not refused as unknown.
    expect(unclear).toMatchObject({
      success: false,
      code: 'SERVICE.AMBIGUOUS',
      not_understood: 'Schneiden',
      understood: ['Färben'],
    });
    expect(unclear.message).toMatch(
      /^Färben habe ich\. Bei „Schneiden“ meinen Sie .*haarschnitt\?$/,
    );
    const both = await ask('Herrenschnitt und danach Färben');
    expect(both).toMatchObject({ success: false, code: 'SERVICE.SEVERAL' });
    expect(both.message).toBe('Zu welcher Leistung zuerst: Herrenhaarschnitt oder Färben?');
    expect(await ask('Waschen und Föhnen')).toMatchObject({ code: 'OK' });
  });

  it("never tells of another company's service", async () => {
    const a = await ask('Bartpflege Deluxe');
    expect(a).toMatchObject({ success: false, code: 'SERVICE.UNKNOWN' });
    expect(JSON.stringify(a)).not.toMatch(/Bartpflege|Geheimrezept|Olaf|999/);
    const foreign = await w.functions.run(
      'get_service_info',
      {
        ...w.base,
        companyId: '00000000-0000-4000-8000-000000000000',
        callId: CALL,
        callerNumber: null,
      },
      { service: 'Dauerwelle' },
    );
    expect(foreign).toMatchObject({ success: false, code: 'RETELL.UNKNOWN_SALON' });
  });

  it.each([
    // The edge cuts arguments to 200 characters (10 KB arrive over HTTP in the e2e spec).
    ['the longest argument', 'Dauerwelle '.repeat(18)],
    ['control characters', 'Dauer\u0000welle\u001b[2J'],
    ['HTML', '<script>alert(1)</script>Dauerwelle'],
    ['emoji', '💇‍♀️💇‍♀️'],
  ])('answers %s with a spoken answer, never an error', async (_what, service) => {
    const a = await ask(service);
    expect(typeof a.message).toBe('string');
    expect(a.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
    expect(a.code).not.toMatch(/^INTERNAL/);
    expect(a.message).not.toMatch(/<script|\u0000/);
  });
});
