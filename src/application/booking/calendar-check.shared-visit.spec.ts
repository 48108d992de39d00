import { at, branch } from '../../domain/availability/salon.fixture';
import { Service } from '../../domain/salon/service';
import { planVisit } from '../../domain/salon/visit';
import { AvailableStartsQuery, CalendarGateway } from '../ports/calendar-gateway.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { CalendarCheck } from './calendar-check';

const cut = Service.simple({ id: 'cut', name: 'Schneiden' }, 30);
const wash = Service.simple({ id: 'wash', name: 'Waschen' }, 30);
const planned = planVisit([cut, wash]);
if (!planned.ok) throw new Error(planned.error.detail);
const visit = planned.value;
const salon: BranchContext = {
  companyId: 'c1',
  companyName: 'Salon',
  country: 'DE',
  branch: branch({ splitVisits: true }),
  staff: [],
  services: [cut, wash],
};
/** Lena cuts under event type 21, Ben washes under 32; nobody else is mapped. */
const eventTypes: Record<string, number> = { 'lena|cut': 21, 'ben|wash': 32 };
const start = at('2026-06-15', '10:00');
const shared = {
  staffId: 'lena',
  start,
  end: at('2026-06-15', '11:00'),
  assignment: [
    { serviceId: 'cut', staffId: 'lena' },
    { serviceId: 'wash', staffId: 'ben' },
  ],
};

function check(offer: (q: AvailableStartsQuery) => Date[]) {
  const asked: AvailableStartsQuery[] = [];
  const gateway = {
    availableStarts: async (q: AvailableStartsQuery) => {
      asked.push(q);
      return offer(q);
    },
  } as unknown as CalendarGateway;
  const c = new CalendarCheck(salon, visit, {
    gateway,
    // Without a service: the visit's own (its first service); else that one.
    targetFor: async (staffId, serviceId = 'cut') => {
      const eventTypeId = eventTypes[`${staffId}|${serviceId}`];
      return eventTypeId === undefined
        ? null
        : {
            credentialRef: 'cred',
            timeZone: 'Europe/Berlin',
            serviceEventTypeId: eventTypeId,
            segmentEventTypeIds: new Map(),
          };
    },
    budgetMs: 5000,
  });
  return { c, asked };
}

describe('CalendarCheck of a visit shared by stylists', () => {
  it("asks about each step under its own stylist's event type", async () => {
    const { c, asked } = check((q) =>
      q.eventTypeId === 21 ? [at('2026-06-15', '10:00')] : [at('2026-06-15', '10:30')],
    );
    expect(await c.judge(shared)).toBe('offered');
    expect(asked.map((q) => [q.scope.staffId, q.eventTypeId])).toEqual([
      ['lena', 21],
      ['ben', 32],
    ]);
  });

  it("refuses when the second stylist's Cal.com does not offer their step", async () => {
    const { c } = check((q) => (q.eventTypeId === 21 ? [at('2026-06-15', '10:00')] : []));
    expect(await c.judge(shared)).toBe('refused');
  });

  it("a stylist without a mapping is judged locally; the other's step is still asked", async () => {
    const { c, asked } = check(() => [at('2026-06-15', '10:00')]);
    const unmappedWasher = {
      ...shared,
      assignment: [shared.assignment[0], { serviceId: 'wash', staffId: 'mia' }],
    };
    expect(await c.judge(unmappedWasher)).toBe('offered');
    expect(asked.map((q) => q.scope.staffId)).toEqual(['lena']);
  });
});
