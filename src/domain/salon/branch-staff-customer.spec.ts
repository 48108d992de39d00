import { TimeRange } from '../shared/time-range';
import { Branch, BranchProps } from './branch';
import { Customer, CustomerProps } from './customer';
import { Staff } from './staff';
import { WeeklyHours } from './weekly-hours';

const hours = WeeklyHours.sameOn([1, 2, 3, 4, 5], [{ from: '09:00', to: '18:00' }]);
const props: BranchProps = {
  id: 'b1',
  name: 'Salon Mitte',
  openingHours: hours,
  closedDates: ['2026-12-24'],
};

describe('Branch', () => {
  const b = Branch.restore(props);

  it('defaults to Berlin and a 15-minute grid', () => {
    expect([b.timeZone, b.slotGranularityMinutes, b.closedDates]).toEqual([
      'Europe/Berlin',
      15,
      ['2026-12-24'],
    ]);
  });

  it.each`
    date            | closed
    ${'2026-12-24'} | ${true}
    ${'2026-12-26'} | ${true}
    ${'2026-12-23'} | ${false}
  `('$date closed: $closed', ({ date, closed }) => {
    expect(b.isClosedOn(date)).toBe(closed);
    expect(b.openingWindowsOn(date).length === 0).toBe(closed);
  });

  it('tells the local date of an instant', () => {
    expect(b.localDateOf(new Date('2026-12-23T23:30:00Z'))).toBe('2026-12-24');
  });

  it.each<[string, Partial<BranchProps>]>([
    ['an unknown zone', { timeZone: 'Europe/Atlantis' }],
    ['a zero grid', { slotGranularityMinutes: 0 }],
    ['a bad closed date', { closedDates: ['24.12.2026'] }],
    ['an empty name', { name: ' ' }],
  ])('refuses %s', (_case, change) => {
    expect(Branch.create({ ...props, ...change })).toMatchObject({
      ok: false,
      error: { code: 'SALON.INVALID_BRANCH' },
    });
  });
});

describe('Staff', () => {
  const branch = Branch.restore(props);
  const anna = Staff.restore({ id: 'anna', name: 'Anna', serviceIds: ['cut'] });

  it('works the branch hours unless given their own', () => {
    expect(anna.workingWindowsOn('2026-06-15', branch)).toEqual(
      branch.openingWindowsOn('2026-06-15'),
    );
    const own = Staff.restore({
      ...anna,
      serviceIds: [],
      workingHours: WeeklyHours.of({ 1: [{ from: '12:00', to: '14:00' }] }),
    });
    expect(own.workingWindowsOn('2026-06-15', branch).map((r) => r.minutes)).toEqual([120]);
    expect([anna.offers('cut'), anna.offers('perm'), anna.serviceIds]).toEqual([
      true,
      false,
      ['cut'],
    ]);
  });

  it('records absences', () => {
    const day = TimeRange.of(new Date('2026-06-15T00:00:00Z'), new Date('2026-06-16T00:00:00Z'));
    const earlier = TimeRange.of(
      new Date('2026-06-01T00:00:00Z'),
      new Date('2026-06-02T00:00:00Z'),
    );
    const away = anna.recordAbsence(day).recordAbsence(earlier);
    expect(away.absences).toEqual([earlier, day]);
    expect(away.isAbsentDuring(TimeRange.fromMinutes(new Date('2026-06-15T10:00:00Z'), 30))).toBe(
      true,
    );
    expect(anna.isAbsentDuring(day)).toBe(false);
  });

  it('refuses an empty name', () => {
    expect(Staff.create({ id: 'x', name: '', serviceIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'SALON.INVALID_STAFF' },
    });
  });
});

describe('Customer', () => {
  const base: CustomerProps = {
    id: 'c1',
    name: ' Erika Muster ',
    phone: '+493012345678',
    recognitionConsent: false,
  };

  it('keeps a tidy record and its consent', () => {
    const c = Customer.restore({ ...base, email: ' ' });
    expect([c.name, c.email, c.mayBeRecognisedByPhone()]).toEqual([
      'Erika Muster',
      undefined,
      false,
    ]);
    const consenting = c.grantRecognitionConsent();
    expect(consenting.mayBeRecognisedByPhone()).toBe(true);
    expect(consenting.withdrawRecognitionConsent().recognitionConsent).toBe(false);
    const updated = c.updateContact({ email: 'erika@example.de' });
    expect(updated).toMatchObject({
      ok: true,
      value: { email: 'erika@example.de', phone: '+493012345678' },
    });
  });

  it.each<[string, Partial<CustomerProps>]>([
    ['a national number', { phone: '030 1234567' }],
    ['a short number', { phone: '+49301' }],
    ['a broken email', { email: 'erika@' }],
    ['markup in an email', { email: '<b>@x.de' }],
    ['no name', { name: '' }],
    ['a name over 150 characters', { name: 'x'.repeat(151) }],
  ])('refuses %s', (_case, change) => {
    expect(Customer.create({ ...base, ...change })).toMatchObject({
      ok: false,
      error: { code: 'SALON.INVALID_CUSTOMER' },
    });
  });
});
