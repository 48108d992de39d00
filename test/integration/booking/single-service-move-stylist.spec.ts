import { randomBytes } from 'node:crypto';
import { FunctionAnswer } from '../../../src/adapters/inbound/retell/answers/function-answer';
import { PhoneFunctionArgs } from '../../../src/application/booking/phone-functions';
import { TestClock } from '../../support/booking-app';
import { PhoneWorld, phoneWorld } from '../../support/phone-world';

// Monday 7 Dec 2026, 11:00 in Berlin. On Tuesday 15 December Lena is off and Mehmet cuts; on
// Thursday 17 December Lena works all day, Mehmet only from 14:00. Anna does no
// Kinderhaarschnitt.
const NOW = new Date('2026-12-07T10:00:00Z');
const SERVICE = 'Kinderhaarschnitt';

/**
 * A single service moved by phone with a stylist named (real Postgres, the demo salon): the
 * stylist is asked for as check_availability asks and takes the appointment over in the same
 * one write; none named, it keeps its stylist.
 */
describe('moving a single service to the stylist named (real Postgres)', () => {
  let w: PhoneWorld;
  const clock = new TestClock(NOW);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    w = await phoneWorld(clock);
    for (const name of ['Anna', 'Mehmet', 'Lena']) {
      const [row] = await w.ds.query(`SELECT id FROM staff WHERE name = $1 AND branch_id = $2`, [
        name,
        w.base.branchId,
      ]);
      ids[name] = row.id;
    }
  }, 60_000);
  afterAll(() => w?.close());
  beforeEach(async () => {
    clock.set(NOW);
    await w.clearCalendar();
  });

  const caller = '+4915100000082';
  const run = (
    name: 'book_appointment' | 'reschedule_appointment' | 'check_availability',
    args: PhoneFunctionArgs,
    from = caller,
  ): Promise<FunctionAnswer> => w.run(name, args, `call_${randomBytes(16).toString('hex')}`, from);
  const stateOf = async (id: string) => ({
    staff: (
      await w.ds.query(
        `SELECT staff_id FROM busy_blocks WHERE appointment_id = $1 AND active
          ORDER BY lower(during)`,
        [id],
      )
    ).map((r: { staff_id: string }) => r.staff_id),
    row: (
      await w.ds.query(`SELECT staff_id, starts_at FROM appointments WHERE id = $1`, [id])
    )[0] as { staff_id: string; starts_at: Date },
  });
  const bookWithMehmet = async (date = '15.12.', time = '11 Uhr'): Promise<string> => {
    const booked = await run('book_appointment', {
      service: SERVICE,
      date,
      time,
      staff: 'Mehmet',
      name: 'Erika Muster',
    });
    expect(booked).toMatchObject({ code: 'OK' });
    return booked.appointment_id as string;
  };
  const outboxOf = async (id: string) =>
    (
      await w.ds.query(`SELECT action FROM sync_outbox WHERE appointment_id = $1 ORDER BY id`, [id])
    ).map((r: { action: string }) => r.action);

  it('"auf Donnerstag um 10 bei Lena": moved to Lena, the answer names her', async () => {
    const id = await bookWithMehmet();
    const moved = await run('reschedule_appointment', {
      service: SERVICE,
      newDate: '17.12.',
      newTime: '10 Uhr',
      staff: 'Lena',
    });
    expect(moved).toMatchObject({ code: 'OK', success: true });
    expect(moved.message).toContain('Lena');
    const after = await stateOf(id);
    expect(after.row.staff_id).toBe(ids.Lena);
    expect(after.row.starts_at.toISOString()).toBe('2026-12-17T09:00:00.000Z');
    expect(new Set(after.staff)).toEqual(new Set([ids.Lena]));
  });

  it('another stylist at the same time is a move too', async () => {
    const id = await bookWithMehmet('17.12.', '15 Uhr');
    const moved = await run('reschedule_appointment', {
      service: SERVICE,
      newDate: '17.12.',
      newTime: '15 Uhr',
      staff: 'Lena',
    });
    expect(moved).toMatchObject({ code: 'OK' });
    expect(moved.message).toContain('Lena');
    expect((await stateOf(id)).row.staff_id).toBe(ids.Lena);
    // Said again (a retried call): nothing changes.
    const again = await run('reschedule_appointment', {
      service: SERVICE,
      newDate: '17.12.',
      newTime: '15 Uhr',
      staff: 'Lena',
    });
    expect(again).toMatchObject({ code: 'OK' });
    expect((await stateOf(id)).row.staff_id).toBe(ids.Lena);
  });

  it('Lena busy then: refused with alternatives, hers first, not moved to anyone else', async () => {
    const other = await run(
      'book_appointment',
      { service: SERVICE, date: '17.12.', time: '15 Uhr', staff: 'Lena', name: 'Olga Anders' },
      '+4915100000099',
    );
    expect(other).toMatchObject({ code: 'OK' });
    const id = await bookWithMehmet();
    const before = await stateOf(id);
    const said = await run('reschedule_appointment', {
      service: SERVICE,
      newDate: '17.12.',
      newTime: '15 Uhr',
      staff: 'Lena',
    });
    expect(said.success).not.toBe(true);
    expect(String(said.code)).not.toMatch(/^INTERNAL/);
    expect(said).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN', asked: { staff: 'Lena' } });
    const offered = said.alternatives as { staff: string }[];
    expect(offered[0].staff).toBe('Lena');
    expect(said.message).toContain('Lena');
    expect(await stateOf(id)).toEqual(before);
  });

  it('"nur Lena", busy then: only her starts are offered', async () => {
    await run(
      'book_appointment',
      { service: SERVICE, date: '17.12.', time: '15 Uhr', staff: 'Lena', name: 'Olga Anders' },
      '+4915100000099',
    );
    const id = await bookWithMehmet();
    const before = await stateOf(id);
    const said = await run('reschedule_appointment', {
      service: SERVICE,
      newDate: '17.12.',
      newTime: '15 Uhr',
      staff: 'nur Lena',
    });
    expect(said.success).not.toBe(true);
    expect(said).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN' });
    const offered = said.alternatives as { staff: string }[];
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((a) => a.staff === 'Lena')).toBe(true);
    expect(said.message).not.toContain('Mehmet');
    expect(said.message).not.toContain('Anna');
    expect(await stateOf(id)).toEqual(before);
  });

  it('Anna, who does no Kinderhaarschnitt: refused as check_availability refuses', async () => {
    const id = await bookWithMehmet();
    const before = await stateOf(id);
    const args = { service: SERVICE, staff: 'Anna' };
    const said = await run('reschedule_appointment', {
      ...args,
      newDate: '17.12.',
      newTime: '10 Uhr',
    });
    const asked = await run('check_availability', { ...args, date: '17.12.', time: '10 Uhr' });
    expect(said.code).toBe('AVAILABILITY.SERVICE_NOT_OFFERED');
    expect(said).toMatchObject({ code: asked.code, message: asked.message });
    expect(await stateOf(id)).toEqual(before);
  });

  it('an unknown name: the question back check_availability gives, nothing moved', async () => {
    const id = await bookWithMehmet();
    const before = await stateOf(id);
    const args = { service: SERVICE, staff: 'Zoltan' };
    const said = await run('reschedule_appointment', {
      ...args,
      newDate: '17.12.',
      newTime: '10 Uhr',
    });
    const asked = await run('check_availability', { ...args, date: '17.12.', time: '10 Uhr' });
    expect(said).toMatchObject({ code: asked.code, message: asked.message });
    expect(said.success).not.toBe(true);
    expect(await stateOf(id)).toEqual(before);
  });

  it('none named: keeps Mehmet, Lena not taken instead', async () => {
    const id = await bookWithMehmet();
    const said = await run('reschedule_appointment', {
      service: SERVICE,
      newDate: '17.12.',
      newTime: '15 Uhr',
    });
    expect(said).toMatchObject({ code: 'OK' });
    expect(said.message).toContain('Mehmet');
    expect((await stateOf(id)).row.staff_id).toBe(ids.Mehmet);
    expect(await outboxOf(id)).toContain('reschedule');
  });
});
