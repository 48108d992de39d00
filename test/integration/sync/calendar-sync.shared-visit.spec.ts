import { Appointment } from '../../../src/domain/appointment/appointment';
import { planVisit } from '../../../src/domain/salon/visit';
import { TypeOrmUnitOfWork } from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import {
  at,
  change,
  createWorld,
  onePerPhase,
  PERM_EVENT_TYPES,
  relayAndSettle,
  syncRow,
  type World,
} from './sync-harness';

const MEHMET_CUT = 7500;

/**
 * A visit shared by Mehmet (cut) and Anna (perm) on real Postgres against the fake Cal.com:
 * each working step booked under its own stylist's event type, found by its metadata, moved
 * with a new sharing and cancelled as a whole.
 */
describe('calendar sync of a visit shared by stylists', () => {
  let w: World;
  let mehmet: string;

  beforeAll(async () => {
    w = await createWorld({ redis: false });
    mehmet = w.salon.staff.find((s) => s.name === 'Mehmet')!.id;
    await w.db.dataSource.query(
      `INSERT INTO calcom_mappings(company_id, credential_id, service_id, staff_id, event_type_id)
       VALUES ($1, $2, $3, $4, $5)`,
      [w.salon.companyId, w.credentialId, w.cut.id, mehmet, MEHMET_CUT],
    );
  });
  afterAll(() => w?.close());
  beforeEach(() => w.fake.reset());

  const visit = () => {
    const planned = planVisit([w.cut, w.perm]);
    if (!planned.ok) throw new Error(planned.error.detail);
    return planned.value;
  };

  it('books each step under its stylist, then moves and cancels the whole visit', async () => {
    const a = Appointment.create({
      service: visit(),
      staffId: mehmet,
      assignment: [
        { serviceId: w.cut.id, staffId: mehmet },
        { serviceId: w.perm.id, staffId: w.anna },
      ],
      customerId: w.customerId,
      start: at('09:00'),
      source: 'voice',
      branchId: w.salon.branch.id,
    });
    await new TypeOrmUnitOfWork(w.db.dataSource).run(async (tx) => {
      const added = await tx.appointments.add({ companyId: w.salon.companyId }, a, new Date());
      if (!added.ok) throw new Error('slot taken in test set-up');
      await tx.outbox.record({ companyId: w.salon.companyId }, a.id, 'create');
    });
    await relayAndSettle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    onePerPhase(w);
    const live = () =>
      w.fake
        .live()
        .map((b) => [b.eventTypeId, b.start, b.metadata.appointment_id])
        .sort((x, y) => String(x[1]).localeCompare(String(y[1])));
    expect(live()).toEqual([
      [MEHMET_CUT, at('09:00').toISOString(), a.id],
      [PERM_EVENT_TYPES[0], at('09:30').toISOString(), a.id],
      [PERM_EVENT_TYPES[1], at('10:40').toISOString(), a.id],
      [PERM_EVENT_TYPES[2], at('11:10').toISOString(), a.id],
    ]);

    // Moved to the afternoon, where Anna does it all: her cut's event type takes over.
    await change(
      w,
      a.id,
      (x) => {
        const moved = x.reschedule(at('13:00'), visit(), undefined, { staffId: w.anna });
        if (!moved.ok) throw new Error(moved.error.code);
        return moved.value;
      },
      'reschedule',
    );
    await relayAndSettle(w);
    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(live().map(([type, start]) => [type, start])).toEqual([
      [7100, at('13:00').toISOString()],
      [PERM_EVENT_TYPES[0], at('13:30').toISOString()],
      [PERM_EVENT_TYPES[1], at('14:40').toISOString()],
      [PERM_EVENT_TYPES[2], at('15:10').toISOString()],
    ]);

    await change(
      w,
      a.id,
      (x) => {
        const cancelled = x.cancel();
        if (!cancelled.ok) throw new Error(cancelled.error.code);
        return cancelled.value;
      },
      'cancel',
    );
    await relayAndSettle(w);
    expect(w.fake.live()).toEqual([]);
  });
});
