import { Appointment } from '../../domain/appointment/appointment';
import { Service } from '../../domain/salon/service';
import type { TransactionPorts, UnitOfWork } from '../ports/unit-of-work.port';
import { LockedAppointments } from './locked-appointments';

const NOW = new Date('2026-06-01T07:00:00Z');
const cut = Service.simple({ id: 'cut', name: 'Herrenhaarschnitt' }, 30);
const scope = { companyId: 'co' };

function world(stored: Appointment | null) {
  const events: string[] = [];
  let row = stored;
  const tx = {
    appointments: {
      findById: async (_s: unknown, id: string) => (events.push(`find ${id}`), row),
      save: async (_s: unknown, a: Appointment, at: Date) => {
        events.push(`save ${a.syncState} at ${at.toISOString()}`);
        row = a;
        return { ok: true, value: undefined };
      },
    },
  } as unknown as TransactionPorts;
  const uow: UnitOfWork = {
    run: () => Promise.reject(new Error('a locked edit runs under the lock')),
    runLocked: async (id, work) => {
      events.push(`lock ${id}`);
      const result = await work(tx);
      events.push('commit');
      return result;
    },
  };
  return { locked: new LockedAppointments(uow, { now: () => NOW }), events, row: () => row };
}

const appointment = () =>
  Appointment.create({
    id: 'a1',
    service: cut,
    staffId: 'anna',
    customerId: 'c1',
    start: new Date('2026-06-15T08:00:00Z'),
    source: 'voice',
  });

describe('LockedAppointments.edit', () => {
  it('loads the appointment under its lock, applies the change and saves it', async () => {
    const w = world(appointment());
    expect(await w.locked.edit(scope, 'a1', (a) => a.mirrorAttemptFailed('timeout'))).toBe(true);
    expect(w.events).toEqual([
      'lock a1',
      'find a1',
      'save failed at 2026-06-01T07:00:00.000Z',
      'commit',
    ]);
    expect(w.row()?.lastSyncError).toBe('timeout');
  });

  it('a change that returns nothing leaves the row as it is', async () => {
    const w = world(appointment());
    expect(await w.locked.edit(scope, 'a1', () => undefined)).toBe(false);
    expect(w.events).toEqual(['lock a1', 'find a1', 'commit']);
  });

  it('a gone appointment is not changed at all', async () => {
    const w = world(null);
    const change = jest.fn();
    expect(await w.locked.edit(scope, 'a1', change)).toBe(false);
    expect(change).not.toHaveBeenCalled();
    expect(w.events).toEqual(['lock a1', 'find a1', 'commit']);
  });
});

describe('LockedAppointments.run', () => {
  it('hands the fresh appointment and the transaction to the work, and its answer back', async () => {
    const w = world(appointment());
    const answer = await w.locked.run(scope, 'a1', async (a, tx) => {
      await tx.appointments.save(scope, a!.needsReview('why'), NOW);
      return a!.id;
    });
    expect(answer).toBe('a1');
    expect(w.events).toEqual([
      'lock a1',
      'find a1',
      'save manual_review at 2026-06-01T07:00:00.000Z',
      'commit',
    ]);
  });
});
