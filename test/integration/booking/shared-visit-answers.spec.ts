import { FunctionAnswer } from '../../../src/adapters/inbound/retell/answers/function-answer';
import { PhoneFunctionArgs } from '../../../src/application/booking/phone-functions';
import { SALON_CATALOG } from '../../../src/application/ports/salon-catalog.port';
import { TypeOrmSalonCatalog } from '../../../src/adapters/outbound/persistence/repositories/typeorm-salon-catalog';
import { TestClock } from '../../support/booking-app';
import { PhoneWorld, phoneWorld } from '../../support/phone-world';

// Monday 7 Dec 2026, 11:00 in Berlin. On Tuesday 15 December Lena does not work: nobody there
// does both Färben and Kinderhaarschnitt, so Anna colours and Mehmet cuts the child's hair.
const NOW = new Date('2026-12-07T10:00:00Z');
const CALLER = 'call_5a1b2c3d4e5f60718293a4b5c6d7e8f9';
const OTHER = 'call_0f9e8d7c6b5a49382716f5e4d3c2b1a0';
const VISIT = 'Färben und Kinderhaarschnitt';

interface Offer {
  start: string;
  staff: string;
  stylists?: Array<{ service: string; staff: string }>;
}
/** Who does which service of an offer, "Färben:Anna+Kinderhaarschnitt:Mehmet"; else its stylist. */
const who = (o: Offer) =>
  o.stylists ? o.stylists.map((s) => `${s.service}:${s.staff}`).join('+') : o.staff;

/**
 * What a caller hears about a visit the demo salon lets stylists share, when a stylist who does
 * only part of it is named, insisted on, or the time is taken (real Postgres, the demo salon
 * with splitVisits on).
 */
describe('answers about a shared visit (real Postgres)', () => {
  let w: PhoneWorld;
  const clock = new TestClock(NOW);

  beforeAll(async () => {
    w = await phoneWorld(clock);
    await w.ds.query(`UPDATE branches SET split_visits = true WHERE id = $1`, [w.base.branchId]);
    w.app.get<TypeOrmSalonCatalog>(SALON_CATALOG).forget();
  }, 60_000);
  afterAll(() => w?.close());
  beforeEach(async () => {
    clock.set(NOW);
    await w.clearCalendar();
  });

  const run = (
    name: 'check_availability' | 'book_appointment',
    args: PhoneFunctionArgs,
    callId: string | null = CALLER,
  ): Promise<FunctionAnswer> => w.run(name, args, callId, '+4915100000077');
  const wish = { service: VISIT, date: '15.12.', time: '10 Uhr' };

  describe('an open question naming Mehmet, who only cuts the child’s hair', () => {
    it('a day: shared starts with Mehmet doing his part, as the precise check says', async () => {
      const precise = await run('check_availability', { ...wish, staff: 'Mehmet' }, null);
      expect(precise).toMatchObject({ code: 'OK', available: true });
      const open = await run('check_availability', {
        service: VISIT,
        date: '15.12.',
        staff: 'Mehmet',
      });
      expect(open).toMatchObject({ code: 'OK', available: true, date: '2026-12-15' });
      const slots = open.slots as Offer[];
      expect(slots.length).toBeGreaterThan(0);
      for (const slot of slots) expect(who(slot)).toBe('Färben:Anna+Kinderhaarschnitt:Mehmet');
      expect(open.message.length).toBeLessThanOrEqual(200);
      expect(open.message).toContain('Mehmet');
      expect(open.message).toContain('Färben bei Anna');
    });

    it.each([
      ['part of a day', { date: '15.12.', time: 'vormittags' }],
      ['a week', { date: 'nächste Woche' }],
      ['the next free start', {}],
    ])('%s: shared starts with Mehmet doing his part', async (_, when) => {
      const open = await run('check_availability', { service: VISIT, staff: 'Mehmet', ...when });
      expect(open).toMatchObject({ code: 'OK', available: true });
      const offers = (open.slots ??
        (open.days as Array<{ first: Offer }>).map((d) => d.first)) as Offer[];
      expect(offers.length).toBeGreaterThan(0);
      for (const offer of offers) expect(who(offer)).toContain('Kinderhaarschnitt:Mehmet');
      // The sentence says the sharing too, not only the stylist asked for.
      expect(open.message).toContain('Anna');
      expect(open.message.length).toBeLessThanOrEqual(200);
    });
  });

  it('a shared start taken by another booking is said taken, with alternatives', async () => {
    const first = await run('book_appointment', { ...wish, name: 'Erika Erste' }, OTHER);
    expect(first).toMatchObject({ code: 'OK' });
    const said = await run('check_availability', wish);
    expect(said).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN', available: false });
    expect(said.message).not.toContain('niemand');
    expect((said.alternatives as Offer[]).length).toBeGreaterThan(0);
    const booked = await run('book_appointment', { ...wish, name: 'Erika Zweite' });
    expect(booked).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN', available: false });
    expect((booked.alternatives as Offer[]).length).toBeGreaterThan(0);
  });

  it('a shared start another call holds is said taken, with alternatives', async () => {
    const held = await run('check_availability', wish, OTHER);
    expect(held).toMatchObject({ code: 'OK', available: true });
    const said = await run('check_availability', wish);
    expect(said).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN', available: false });
    expect((said.alternatives as Offer[]).length).toBeGreaterThan(0);
  });

  describe('insisting on a stylist ("nur", "ausschließlich", "bloß")', () => {
    it.each(['nur Mehmet', 'bloß Mehmet', 'ausschließlich Mehmet'])(
      '%s, who does part: not shared, the service he does not do is named',
      async (staff) => {
        const said = await run('check_availability', { ...wish, staff });
        expect(said).toMatchObject({
          code: 'AVAILABILITY.SERVICE_NOT_OFFERED',
          not_done: ['Färben'],
        });
        expect(said.message).toContain('Mehmet macht Färben leider nicht');
        const open = await run('check_availability', { service: VISIT, date: '15.12.', staff });
        expect(open).toMatchObject({ code: 'AVAILABILITY.SERVICE_NOT_OFFERED' });
        const booked = await run('book_appointment', { ...wish, staff, name: 'Erika Nur' });
        expect(booked).toMatchObject({ code: 'AVAILABILITY.SERVICE_NOT_OFFERED' });
      },
    );

    it.each(['nur bei Anna', 'ausschließlich Anna', 'bloß Anna'])(
      '%s, taken, for a visit she does whole: alternatives with Anna only',
      async (staff) => {
        const visit = { service: 'Herrenhaarschnitt und Färben', date: '15.12.', time: '10 Uhr' };
        const first = await run('book_appointment', { ...visit, name: 'Erika Erste' }, OTHER);
        expect(first).toMatchObject({ code: 'OK' });
        expect(first.message).toContain('Anna');
        const said = await run('check_availability', { ...visit, staff });
        expect(said).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN', available: false });
        const offers = said.alternatives as Offer[];
        expect(offers.length).toBeGreaterThan(0);
        for (const offer of offers) expect(who(offer)).toBe('Anna');
      },
    );
  });

  it('Mehmet named and taken: alternatives with Mehmet doing his part come first', async () => {
    // Wednesday 16 December Lena works and could do it all. Mehmet cuts another child at 11:30,
    // where his part of a 10:00 visit would lie.
    const kid = { service: 'Kinderhaarschnitt', date: '16.12.', time: '11:30', staff: 'Mehmet' };
    expect(await run('book_appointment', { ...kid, name: 'Kind Erst' }, OTHER)).toMatchObject({
      code: 'OK',
    });
    const said = await run('check_availability', { ...wish, date: '16.12.', staff: 'Mehmet' });
    expect(said).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN', available: false });
    const offers = said.alternatives as Offer[];
    expect(offers.length).toBeGreaterThan(0);
    expect(who(offers[0])).toBe('Färben:Anna+Kinderhaarschnitt:Mehmet');
  });

  it('nobody who does a part works then: says which, offers the nearest shared start', async () => {
    // Lena no longer cuts children's hair: nobody does Färben and Kinderhaarschnitt whole, and
    // on Thursday morning Mehmet, the only one left for the child, does not work.
    const [row] = await w.ds.query(
      `SELECT s.id staff_id, v.id service_id FROM staff s, services v
        WHERE s.name = 'Lena' AND v.name = 'Kinderhaarschnitt' AND s.company_id = $1
          AND v.company_id = $1`,
      [w.base.companyId],
    );
    await w.ds.query(`DELETE FROM staff_services WHERE staff_id = $1 AND service_id = $2`, [
      row.staff_id,
      row.service_id,
    ]);
    w.app.get<TypeOrmSalonCatalog>(SALON_CATALOG).forget();
    try {
      const thursday = { service: VISIT, date: '17.12.', time: '10 Uhr' };
      const said = await run('check_availability', thursday);
      expect(said).toMatchObject({
        code: 'AVAILABILITY.OUTSIDE_WORKING_HOURS',
        available: false,
        nobody_at_work_for: ['Kinderhaarschnitt'],
      });
      expect(said.message).toMatch(
        /^Am Donnerstag, 17\. Dezember um 10 Uhr arbeitet niemand, der Kinderhaarschnitt macht\./,
      );
      expect(said.message.length).toBeLessThanOrEqual(200);
      const offers = said.alternatives as Offer[];
      expect(offers.length).toBeGreaterThan(0);
      expect(who(offers[0])).toMatch(/^Färben:(Anna|Lena)\+Kinderhaarschnitt:Mehmet$/);
      // The offer is bookable as said.
      const booked = await run('book_appointment', {
        service: VISIT,
        date: offers[0].start,
        name: 'Erika Donnerstag',
      });
      expect(booked).toMatchObject({ code: 'OK' });
    } finally {
      await w.ds.query(`INSERT INTO staff_services (staff_id, service_id) VALUES ($1, $2)`, [
        row.staff_id,
        row.service_id,
      ]);
      w.app.get<TypeOrmSalonCatalog>(SALON_CATALOG).forget();
    }
  });
});
