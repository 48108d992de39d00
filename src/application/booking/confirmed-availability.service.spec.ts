import { Appointment } from '../../domain/appointment/appointment';
import {
  at,
  branch,
  cut,
  hhmm,
  MONDAY,
  stylist,
  TUESDAY,
} from '../../domain/availability/salon.fixture';
import { SlotTaken } from '../../domain/availability/availability.errors';
import { AppConfig } from '../../config/app-config';
import { AppointmentRepository } from '../ports/appointment.repository.port';
import { AvailableStartsQuery, CalendarGateway } from '../ports/calendar-gateway.port';
import { CalendarMappingRepository, CalendarTarget } from '../ports/calendar-mapping.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { AvailabilityReader } from './availability.reader';
import { ConfirmedAvailabilityService } from './confirmed-availability.service';
import { SlotQuestion } from './slot-inquiry';

const anna = stylist({ id: 'anna', name: 'Anna' });
const ben = stylist({ id: 'ben', name: 'Ben' });
const salon: BranchContext = {
  companyId: 'c1',
  companyName: 'Salon',
  country: 'DE',
  branch: branch(),
  staff: [anna, ben],
  services: [cut],
};
const NOW = at(MONDAY, '08:00');
const WISH = at(TUESDAY, '10:00');
const target: CalendarTarget = {
  credentialRef: 'cred',
  timeZone: 'Europe/Berlin',
  serviceEventTypeId: 10,
  segmentEventTypeIds: new Map(),
};

/** Every quarter hour from 09:00 to 17:30 whose window leaves the time busy in Cal.com free. */
const quarterHours = (q: AvailableStartsQuery, busy: readonly [string, string] | undefined) => {
  const starts: Date[] = [];
  for (let t = q.range.start.getTime(); t < q.range.end.getTime(); t += 15 * 60_000) {
    const start = new Date(t);
    const from = hhmm(start);
    const to = hhmm(new Date(t + (q.lengthMinutes ?? 30) * 60_000));
    const clashes = busy !== undefined && from < busy[1] && to > busy[0];
    if (from >= '09:00' && from <= '17:30' && !clashes) starts.push(start);
  }
  return starts;
};

function world(
  options: { calcom?: boolean; busyInCalcom?: [string, string]; mapped?: string[] } = {},
) {
  const reads: Array<{ excludeAppointmentId?: string; askingCallId?: string }> = [];
  const asked: AvailableStartsQuery[] = [];
  const appointments = {
    busyIntervals: async (_s: unknown, _staff: unknown, _range: unknown, _now: unknown, o = {}) => {
      reads.push(o);
      return new Map();
    },
  } as unknown as AppointmentRepository;
  const gateway = {
    availableStarts: async (q: AvailableStartsQuery) => {
      asked.push(q);
      return quarterHours(q, options.busyInCalcom);
    },
  } as unknown as CalendarGateway;
  const mapped = options.mapped ?? ['anna', 'ben'];
  const mappings = {
    targetFor: async (_scope: unknown, q: { staffId: string }) =>
      mapped.includes(q.staffId) ? target : null,
  } as unknown as CalendarMappingRepository;
  const config = {
    usesCalcom: options.calcom ?? true,
    env: { CALCOM_LIVE_CHECK_BUDGET_MS: 5000 },
  } as unknown as AppConfig;
  const service = new ConfirmedAvailabilityService(
    new AvailabilityReader(appointments),
    config,
    gateway,
    mappings,
  );
  const begin = (q: Partial<SlotQuestion> = {}) =>
    service.begin({ salon, service: cut, start: WISH, now: NOW, ...q });
  return { begin, reads, asked };
}

describe('ConfirmedAvailabilityService', () => {
  it('a start free locally and offered by Cal.com is free, with that verdict', async () => {
    const { begin, asked } = world();
    const answer = await begin({ stylist: anna, askingCallId: 'call_1' }).ask();
    expect(answer).toMatchObject({
      kind: 'free',
      free: { staffId: 'anna', start: WISH },
      verdicts: ['offered'],
    });
    expect(asked).toHaveLength(1);
  });

  it('a start Cal.com refuses is taken; the alternatives are ones it offers, verdicts of both', async () => {
    const { begin } = world({ busyInCalcom: ['10:00', '10:30'] });
    const answer = await begin({ stylist: anna, onlyPreferred: true }).ask();
    expect(answer.kind).toBe('unavailable');
    if (answer.kind !== 'unavailable') return;
    expect(answer.why).toBeInstanceOf(SlotTaken);
    expect(answer).toMatchObject({ asked: WISH, stylist: anna });
    expect(answer.alternatives.map((f) => [f.staffId, hhmm(f.start)])).toEqual([
      ['anna', '09:30'],
      ['anna', '10:30'],
    ]);
    expect(answer.verdicts).toEqual(['refused', 'offered', 'offered']);
  });

  it('with anyone asked for, another stylist Cal.com does not refuse takes the start', async () => {
    const { begin } = world({ busyInCalcom: ['10:00', '10:30'], mapped: ['anna'] });
    const answer = await begin().ask();
    expect(answer).toMatchObject({
      kind: 'free',
      free: { staffId: 'ben' },
      verdicts: ['refused', 'local'],
    });
  });

  it('without Cal.com configured, every stylist is judged on the local calendar alone', async () => {
    const { begin, asked } = world({ calcom: false, busyInCalcom: ['10:00', '10:30'] });
    expect(await begin({ stylist: anna }).ask()).toMatchObject({
      kind: 'free',
      verdicts: ['local'],
    });
    expect(asked).toHaveLength(0);
  });

  it('reads the local calendar once, and again only afresh or after the start was lost', async () => {
    const { begin, reads } = world();
    const inquiry = begin({ stylist: anna, askingCallId: 'call_1' });
    await inquiry.ask();
    await inquiry.judge();
    expect(reads).toEqual([{ askingCallId: 'call_1', excludeAppointmentId: undefined }]);
    inquiry.afresh();
    await inquiry.judge();
    expect(reads).toHaveLength(2);
    const lost = await inquiry.lostMeanwhile();
    expect(reads).toHaveLength(3);
    expect(lost).toMatchObject({ kind: 'taken-meanwhile', asked: WISH, stylist: anna });
    expect(lost.alternatives).toHaveLength(2);
    expect(lost.verdicts).toEqual(['offered', 'offered']);
  });

  it('a start lost meanwhile may be answered from the local calendar alone', async () => {
    const { begin, asked } = world();
    const lost = await begin({ stylist: anna }).lostMeanwhile({ askCalendar: false });
    expect(lost.alternatives).toHaveLength(2);
    expect(lost.verdicts).toEqual([]);
    expect(asked).toHaveLength(0);
  });

  it('a start this call holds is judged by the salon’s rules alone', async () => {
    const { begin, reads, asked } = world({ busyInCalcom: ['10:00', '10:30'] });
    const held = begin({ stylist: anna }).judgeHeld(anna);
    expect(held.result.ok).toBe(true);
    expect(held.verdicts).toEqual([]);
    expect(reads).toHaveLength(0);
    expect(asked).toHaveLength(0);
  });

  it('a move: the appointment does not block itself, locally or in Cal.com', async () => {
    const moving = Appointment.create({
      service: cut,
      staffId: 'anna',
      customerId: 'k1',
      start: at(TUESDAY, '10:15'),
      source: 'voice',
    });
    // Cal.com shows 10:15-10:45 busy: that is the moving appointment's own half hour.
    const { begin, reads } = world({ busyInCalcom: ['10:15', '10:45'] });
    const inquiry = begin({ stylist: anna, moving, preferredStaffId: 'anna', onlyPreferred: true });
    expect(await inquiry.ask()).toMatchObject({ kind: 'free', verdicts: ['offered'] });
    expect(reads).toEqual([{ askingCallId: undefined, excludeAppointmentId: moving.id }]);
  });
});
