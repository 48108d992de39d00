import { branch, cut, perm } from '../../domain/availability/salon.fixture';
import { Staff } from '../../domain/salon/staff';
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
