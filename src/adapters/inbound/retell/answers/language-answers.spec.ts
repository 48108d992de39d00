import { branch, cut, perm } from '../../../../domain/availability/salon.fixture';
import { DateAmbiguous, TimeAmbiguous } from '../../../../domain/language';
import { Service } from '../../../../domain/salon/service';
import { Staff } from '../../../../domain/salon/staff';
import { SpokenRequestReader } from '../../../../application/booking/spoken-request.reader';
import { BranchContext } from '../../../../application/ports/salon-catalog.port';
import { wishRefusalAnswer } from './language-answers';

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

/** What the agent asks back when the wish cannot be read. */
describe('wishRefusalAnswer', () => {
  const refusalOf = <T, E>(r: { ok: true; value: T } | { ok: false; error: E }): E => {
    if (r.ok) throw new Error('expected a refusal');
    return r.error;
  };

  it('asks back when a first name fits two stylists, naming both', () => {
    const reader = new SpokenRequestReader(salonWith(clara, claraWeiss, mehmet));
    const said = wishRefusalAnswer(refusalOf(reader.stylist('Clara', cut)));
    expect(said).toMatchObject({
      success: false,
      code: 'STAFF.AMBIGUOUS',
      candidates: ['Clara Oberholzer', 'Clara Weiß'],
      staff: ['Clara Oberholzer', 'Clara Weiß', 'Mehmet Yilmaz'],
    });
    expect(said.message).toContain('Clara Oberholzer');
    expect(said.message).toContain('Clara Weiß');
  });

  it('says who does the service when the stylist found does not', () => {
    const reader = new SpokenRequestReader(salonWith(clara, mehmet));
    expect(wishRefusalAnswer(refusalOf(reader.stylist('Mehmet', perm)))).toEqual({
      success: false,
      code: 'AVAILABILITY.SERVICE_NOT_OFFERED',
      message:
        'Mehmet Yilmaz bietet Dauerwelle leider nicht an. Das macht bei uns Clara Oberholzer.',
      stylist: 'Mehmet Yilmaz',
      offered_by: ['Clara Oberholzer'],
    });
  });

  it('names the team when nobody of that name works here', () => {
    const reader = new SpokenRequestReader(salonWith(clara, mehmet));
    expect(wishRefusalAnswer(refusalOf(reader.stylist('Petra', cut)))).toEqual({
      success: false,
      code: 'STAFF.UNKNOWN',
      message:
        'Diese Mitarbeiterin kenne ich leider nicht. Bei uns arbeiten Clara Oberholzer und Mehmet Yilmaz.',
      staff: ['Clara Oberholzer', 'Mehmet Yilmaz'],
    });
  });

  it('asks for a service it does not know, naming the offered ones', () => {
    const reader = new SpokenRequestReader(salonWith(clara));
    expect(wishRefusalAnswer(refusalOf(reader.service('Massage')))).toMatchObject({
      success: false,
      code: 'SERVICE.UNKNOWN',
      offered: expect.any(Array),
    });
  });

  it('asks for the day and time when neither was said', () => {
    expect(wishRefusalAnswer({ kind: 'refused', reason: 'WHEN_MISSING' })).toEqual({
      success: false,
      code: 'LANGUAGE.DATE_NOT_UNDERSTOOD',
      message: 'An welchem Tag und um wie viel Uhr möchten Sie kommen?',
    });
  });

  it('names the readings of an ambiguous day or time in the facts', () => {
    const days = wishRefusalAnswer({
      kind: 'refused',
      reason: 'WHEN_NOT_UNDERSTOOD',
      error: new DateAmbiguous([
        { year: 2026, month: 6, day: 15 },
        { year: 2026, month: 6, day: 16 },
      ]),
    });
    expect(days).toMatchObject({
      code: 'LANGUAGE.DATE_AMBIGUOUS',
      days: [
        { date: '2026-06-15', weekday: 'Montag' },
        { date: '2026-06-16', weekday: 'Dienstag' },
      ],
    });
    const times = wishRefusalAnswer({
      kind: 'refused',
      reason: 'WHEN_NOT_UNDERSTOOD',
      error: new TimeAmbiguous([
        { hour: 8, minute: 0 },
        { hour: 20, minute: 0 },
      ]),
    });
    expect(times).toMatchObject({ code: 'LANGUAGE.TIME_AMBIGUOUS', readings: ['08:00', '20:00'] });
  });

  describe('several services in one phrase', () => {
    const reader = new SpokenRequestReader(salonWith(clara));
    const refusal = (phrase: string) => wishRefusalAnswer(refusalOf(reader.service(phrase)));

    it('reads two services named as one visit of both, in the order said', () => {
      const visit = reader.service('Herrenhaarschnitt und Dauerwelle');
      expect(visit.ok && visit.value.serviceIds).toEqual(['cut', 'perm']);
    });

    it('asks which one when the services cannot be one visit', () => {
      const long = (id: string, name: string) => Service.simple({ id, name }, 480);
      const day = new SpokenRequestReader({
        ...salonWith(clara),
        services: [long('a', 'Hochsteckfrisur'), long('b', 'Brautstyling')],
      });
      expect(wishRefusalAnswer(refusalOf(day.service('Hochsteckfrisur und Brautstyling')))).toEqual(
        {
          success: false,
          code: 'SERVICE.SEVERAL',
          message:
            'Hochsteckfrisur und Brautstyling in einem Termin kann ich leider nicht buchen. Welche Leistung möchten Sie buchen?',
          services: ['Hochsteckfrisur', 'Brautstyling'],
        },
      );
    });

    it('names the part it did not understand, in the caller’s words', () => {
      expect(refusal('Dauerwelle und Massage')).toEqual({
        success: false,
        code: 'SERVICE.UNKNOWN',
        message:
          '„Massage“ habe ich nicht gefunden. Wir bieten an: Herrenhaarschnitt und Dauerwelle.',
        not_understood: 'Massage',
        understood: ['Dauerwelle'],
        offered: ['Herrenhaarschnitt', 'Dauerwelle'],
      });
    });

    it('asks which haircut for "Schneiden", naming what it understood', () => {
      const haircuts = new SpokenRequestReader({
        ...salonWith(clara),
        services: [
          Service.simple({ id: 'd', name: 'Damenhaarschnitt' }, 45),
          Service.simple({ id: 'h', name: 'Herrenhaarschnitt' }, 30),
          Service.simple({ id: 'k', name: 'Kinderhaarschnitt' }, 20),
          Service.simple({ id: 'f', name: 'Färben' }, 90),
        ],
      });
      expect(wishRefusalAnswer(refusalOf(haircuts.service('Schneiden und Färben')))).toEqual({
        success: false,
        code: 'SERVICE.AMBIGUOUS',
        message:
          'Färben habe ich. Bei „Schneiden“ meinen Sie Damenhaarschnitt, Herrenhaarschnitt oder Kinderhaarschnitt?',
        not_understood: 'Schneiden',
        understood: ['Färben'],
        candidates: ['Damenhaarschnitt', 'Herrenhaarschnitt', 'Kinderhaarschnitt'],
      });
    });

    it('keeps the question within 200 characters with 150-character names', () => {
      const long = (id: string, name: string) => Service.simple({ id, name }, 30);
      const names = ['Damen', 'Herren', 'Kinder'].map((w) =>
        `${w} ${'x'.repeat(150 - w.length - 12)}haarschnitt`.slice(0, 150),
      );
      const salon = new SpokenRequestReader({
        ...salonWith(clara),
        services: [...names.map((n, i) => long(`c${i}`, n)), long('f', 'Färben')],
      });
      const phrase = 'Schneiden und Färben';
      const said = wishRefusalAnswer(refusalOf(salon.service(phrase)));
      expect(names.every((n) => n.length === 150)).toBe(true);
      expect(said).toMatchObject({ code: 'SERVICE.AMBIGUOUS', not_understood: 'Schneiden' });
      expect(said.message.length).toBeLessThanOrEqual(200);
      expect(said.message).toContain('Schneiden');
    });

    it('names markup back as plain words, never as tags', () => {
      const said = refusal('Dauerwelle und <script>alert(1)</script>');
      expect(said).toMatchObject({ code: 'SERVICE.UNKNOWN' });
      expect(said.message).toMatch(/^„script alert 1“ habe ich nicht gefunden\./);
      expect(said.message).not.toMatch(/[<>]/);
    });

    it('refuses a list longer than one visit holds', () => {
      const thirty = Array.from({ length: 30 }, () => 'Dauerwelle').join(' und ');
      expect(refusal(thirty)).toMatchObject({ code: 'SERVICE.TOO_MANY', max: 4 });
    });

    it('reads "und und und" after one service as that service', () => {
      expect(reader.service('Dauerwelle und und und')).toMatchObject({ ok: true });
    });
  });
});
