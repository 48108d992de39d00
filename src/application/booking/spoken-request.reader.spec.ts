import { branch, cut, perm } from '../../domain/availability/salon.fixture';
import { Staff } from '../../domain/salon/staff';
import { WeeklyHours } from '../../domain/salon/weekly-hours';
import { TimeRange } from '../../domain/shared/time-range';
import { BranchContext } from '../ports/salon-catalog.port';
import { SpokenRequestReader } from './spoken-request.reader';

const person = (id: string, name: string, serviceIds = ['cut', 'perm']): Staff =>
  Staff.restore({ id, name, serviceIds });
const salonWith = (...staff: Staff[]): BranchContext => ({
  companyId: 'c1',
  companyName: 'Salon',
  country: 'DE',
  branch: branch(),
  staff,
  services: [cut, perm],
});

const clara = person('clara', 'Clara Oberholzer');
const claraWeiss = person('clara-w', 'Clara Weiß');
const mehmet = person('mehmet', 'Mehmet Yilmaz', ['cut']);

describe('SpokenRequestReader.stylist', () => {
  it.each`
    case                                   | spoken                | id
    ${'a first name unique in the branch'} | ${'Clara'}            | ${'clara'}
    ${'the full name'}                     | ${'Clara Oberholzer'} | ${'clara'}
    ${'the last name'}                     | ${'Frau Oberholzer'}  | ${'clara'}
    ${'another first name'}                | ${'mehmet'}           | ${'mehmet'}
  `('finds $case', ({ spoken, id }) => {
    const found = new SpokenRequestReader(salonWith(clara, mehmet)).stylist(spoken, cut);
    expect(found.ok && found.value?.id).toBe(id);
  });

  it('asks back when a first name fits two stylists of the branch', () => {
    const found = new SpokenRequestReader(salonWith(clara, claraWeiss, mehmet)).stylist(
      'Clara',
      cut,
    );
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.error).toMatchObject({
      kind: 'refused',
      reason: 'STYLIST_UNCLEAR',
      match: { code: 'STAFF.AMBIGUOUS', candidates: [clara, claraWeiss] },
      team: ['Clara Oberholzer', 'Clara Weiß', 'Mehmet Yilmaz'],
    });
  });

  it('still says who does the service when the stylist found does not', () => {
    const found = new SpokenRequestReader(salonWith(clara, mehmet)).stylist('Mehmet', perm);
    expect(found.ok ? 'found' : found.error).toEqual({
      kind: 'refused',
      reason: 'STYLIST_NOT_OFFERING',
      stylist: mehmet,
      service: perm,
      offeredBy: ['Clara Oberholzer'],
    });
  });

  it('names the team when nobody of that name works here', () => {
    const found = new SpokenRequestReader(salonWith(clara, mehmet)).stylist('Petra', cut);
    expect(found.ok ? 'found' : found.error).toMatchObject({
      reason: 'STYLIST_UNCLEAR',
      match: { code: 'STAFF.UNKNOWN' },
      team: ['Clara Oberholzer', 'Mehmet Yilmaz'],
    });
  });
});

describe('SpokenRequestReader: what cannot be read is a refusal, never a guess', () => {
  const reader = new SpokenRequestReader(salonWith(clara, mehmet));
  const now = new Date('2026-06-15T06:00:00Z');

  it('an unknown or unclear service', () => {
    expect(reader.service('Massage')).toMatchObject({
      ok: false,
      error: { kind: 'refused', reason: 'SERVICE_UNCLEAR', match: { code: 'SERVICE.UNKNOWN' } },
    });
  });

  it('no day and no time', () => {
    expect(reader.start(' ', undefined, now)).toEqual({
      ok: false,
      error: { kind: 'refused', reason: 'WHEN_MISSING' },
    });
  });

  it('a day that cannot be read', () => {
    expect(reader.start('irgendwann', '10 Uhr', now)).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        reason: 'WHEN_NOT_UNDERSTOOD',
        error: { code: expect.any(String) },
      },
    });
  });
});

describe('SpokenRequestReader.wish: did the caller insist on the stylist?', () => {
  const now = new Date('2026-06-15T06:00:00Z');
  it.each`
    staff                     | staffOnly    | only
    ${'Clara'}                | ${'ja'}      | ${true}
    ${'Clara'}                | ${'true'}    | ${true}
    ${'Clara'}                | ${' Ja '}    | ${true}
    ${'nur Clara'}            | ${undefined} | ${true}
    ${'unbedingt bei Clara'}  | ${undefined} | ${true}
    ${'ausschließlich Clara'} | ${undefined} | ${true}
    ${'bloß Clara'}           | ${undefined} | ${true}
    ${'bloss bei Clara'}      | ${undefined} | ${true}
    ${'Clara'}                | ${'bloß'}    | ${true}
    ${'Clara'}                | ${undefined} | ${false}
    ${'Clara'}                | ${'nein'}    | ${false}
    ${'Clara'}                | ${'false'}   | ${false}
    ${'egal'}                 | ${'ja'}      | ${false}
  `('staff "$staff", staff_only $staffOnly → $only', ({ staff, staffOnly, only }) => {
    const wish = new SpokenRequestReader(salonWith(clara, mehmet)).wish(
      { service: 'Herrenhaarschnitt', date: '2026-06-16', time: '10:00', staff, staffOnly },
      now,
    );
    expect(wish.ok && wish.value.onlyStylist).toBe(only);
  });
});

describe('SpokenRequestReader: a stylist who does part of a visit the branch shares', () => {
  const now = new Date('2026-06-15T06:00:00Z');
  const cutAndPerm = 'Herrenhaarschnitt und Dauerwelle';
  const sharing = { ...salonWith(clara, mehmet), branch: branch({ splitVisits: true }) };
  const reader = new SpokenRequestReader(sharing);

  it.each`
    question        | args
    ${'at a time'}  | ${{ date: '2026-06-16', time: '10:00' }}
    ${'open (day)'} | ${{ date: '2026-06-16' }}
  `('named, $question: taken for their part', ({ args }) => {
    const asked = { service: cutAndPerm, staff: 'Mehmet', ...args };
    const read = args.time ? reader.wish(asked, now) : reader.openQuestion(asked, now);
    expect(read?.ok && read.value.stylist?.id).toBe('mehmet');
  });

  it.each`
    question        | args
    ${'at a time'}  | ${{ date: '2026-06-16', time: '10:00' }}
    ${'open (day)'} | ${{ date: '2026-06-16' }}
  `('insisted on, $question: not shared, the service not done is named', ({ args }) => {
    const asked = { service: cutAndPerm, staff: 'nur Mehmet', ...args };
    const read = args.time ? reader.wish(asked, now) : reader.openQuestion(asked, now);
    expect(read?.ok ? 'read' : read?.error).toMatchObject({
      reason: 'STYLIST_NOT_OFFERING',
      notDone: ['Dauerwelle'],
    });
  });
});

describe('SpokenRequestReader: who does it all, on the day asked (the branch does not share)', () => {
  const now = new Date('2026-06-15T06:00:00Z'); // Monday
  const visit = 'Herrenhaarschnitt und Dauerwelle';
  // Clara does both but works Wednesday to Saturday only; Mehmet only cuts.
  const claraWedToSat = Staff.restore({
    id: 'clara',
    name: 'Clara Oberholzer',
    serviceIds: ['cut', 'perm'],
    workingHours: WeeklyHours.sameOn([3, 4, 5, 6], [{ from: '09:00', to: '18:00' }]),
  });
  const reader = (clara = claraWedToSat) => new SpokenRequestReader(salonWith(clara, mehmet));
  const tuesday = { service: visit, staff: 'Mehmet', date: '2026-06-16' };

  it('a day she works: she is named for it', () => {
    const read = reader().wish({ ...tuesday, date: '2026-06-17', time: '10:00' }, now);
    expect(read.ok ? 'read' : read.error).toMatchObject({
      reason: 'STYLIST_NOT_OFFERING',
      offeredBy: ['Clara Oberholzer'],
      days: ['2026-06-17'],
    });
  });

  it.each`
    question        | args
    ${'at a time'}  | ${{ time: '10:00' }}
    ${'open (day)'} | ${{}}
  `('$question on a day she does not work: nobody then, the next day she does', ({ args }) => {
    const asked = { ...tuesday, ...args };
    const read = args.time ? reader().wish(asked, now) : reader().openQuestion(asked, now);
    expect(read?.ok ? 'read' : read?.error).toMatchObject({
      reason: 'STYLIST_NOT_OFFERING',
      offeredBy: [],
      days: ['2026-06-16'],
      nearest: { date: '2026-06-17', by: ['Clara Oberholzer'] },
      notDone: ['Dauerwelle'],
    });
  });

  it('away the next day too: the day after', () => {
    const away = claraWedToSat.recordAbsence(
      TimeRange.of(new Date('2026-06-16T22:00:00Z'), new Date('2026-06-17T22:00:00Z')),
    );
    const read = reader(away).wish({ ...tuesday, time: '10:00' }, now);
    expect(read.ok ? 'read' : read.error).toMatchObject({
      nearest: { date: '2026-06-18', by: ['Clara Oberholzer'] },
    });
  });

  it('away for weeks: nobody soon, no day made up', () => {
    const away = claraWedToSat.recordAbsence(
      TimeRange.of(new Date('2026-06-14T22:00:00Z'), new Date('2026-09-01T22:00:00Z')),
    );
    const read = reader(away).wish({ ...tuesday, time: '10:00' }, now);
    expect(read.ok ? 'read' : read.error).toMatchObject({ offeredBy: [], noneSoon: true });
    expect(read.ok ? 'read' : read.error).not.toHaveProperty('nearest');
  });

  it('a day not understood: who does it at all, and the stylist is still asked about first', () => {
    const read = reader().wish({ ...tuesday, date: 'blau', time: '10:00' }, now);
    expect(read.ok ? 'read' : read.error).toMatchObject({
      reason: 'STYLIST_NOT_OFFERING',
      offeredBy: ['Clara Oberholzer'],
    });
  });
});
