import { Appointment } from '../../../../domain/appointment/appointment';
import { SlotTaken } from '../../../../domain/availability/availability.errors';
import { Branch } from '../../../../domain/salon/branch';
import { Service } from '../../../../domain/salon/service';
import { Staff } from '../../../../domain/salon/staff';
import { WeeklyHours } from '../../../../domain/salon/weekly-hours';
import { MAX_SPOKEN_CHARS } from '../../../../domain/shared/german-messages';
import { BookAppointmentOutcome } from '../../../../application/booking/book-appointment.use-case';
import { BranchContext } from '../../../../application/ports/salon-catalog.port';
import { presentBookAppointment } from './book-appointment.presenter';

const cut = Service.simple({ id: 'cut', name: 'Herrenhaarschnitt' }, 30);
const anna = Staff.restore({ id: 'anna', name: 'Anna', serviceIds: ['cut'] });
const salon: BranchContext = {
  companyId: 'c1',
  companyName: 'Salon Haarmonie',
  country: 'DE',
  branch: Branch.restore({
    id: 'b1',
    name: 'Salon Haarmonie Mitte',
    openingHours: WeeklyHours.sameOn([1, 2, 3, 4, 5, 6], [{ from: '09:00', to: '18:00' }]),
  }),
  staff: [anna],
  services: [cut],
};
const start = new Date('2026-12-04T09:00:00Z');
const appointment = Appointment.create({
  service: cut,
  staffId: 'anna',
  customerId: 'k1',
  start,
  source: 'voice',
  newId: () => 'a1',
});

describe('book_appointment presented', () => {
  it.each`
    reason                              | code                                        | message                                                                                                                    | needs
    ${'NAME_MISSING'}                   | ${'BOOKING.NAME_MISSING'}                   | ${'Auf welchen Namen darf ich den Termin eintragen?'}                                                                      | ${undefined}
    ${'EMAIL_INVALID'}                  | ${'BOOKING.EMAIL_INVALID'}                  | ${'Die E-Mail-Adresse habe ich nicht richtig verstanden. Können Sie sie bitte buchstabieren?'}                             | ${undefined}
    ${'PHONE_NEEDED'}                   | ${'BOOKING.PHONE_NEEDED'}                   | ${'Ihre Nummer ist unterdrückt. Unter welcher Nummer können wir Sie zurückrufen? Bitte nennen Sie sie Ziffer für Ziffer.'} | ${'callback_number'}
    ${'CALLBACK_NUMBER_NOT_UNDERSTOOD'} | ${'BOOKING.CALLBACK_NUMBER_NOT_UNDERSTOOD'} | ${'Die Rückrufnummer habe ich nicht richtig verstanden. Bitte nennen Sie sie noch einmal Ziffer für Ziffer, mit Vorwahl.'} | ${'callback_number'}
  `('$reason asks for what is missing', ({ reason, code, message, needs }) => {
    const said = presentBookAppointment(salon, { kind: 'refused', reason });
    expect(said).toEqual({ success: false, code, message, ...(needs ? { needs } : {}) });
    expect(said.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
  });

  it('a callback number said aloud is read back once, digit by digit in groups', () => {
    const booked: BookAppointmentOutcome = {
      kind: 'booked',
      appointment,
      repeated: false,
      verdicts: [],
      callbackNumber: '+4917123456789',
    };
    const said = presentBookAppointment(salon, booked);
    expect(said.message).toBe(
      'Ihr Termin ist eingetragen: Herrenhaarschnitt am Freitag, 4. Dezember um 10 Uhr bei Anna. Wir erreichen Sie unter 0 1 7 1, 2 3 4, 5 6 7, 8 9.',
    );
    expect(said.callback_number).toBe('0 1 7 1, 2 3 4, 5 6 7, 8 9');
    expect(said.message.split('0 1 7 1').length).toBe(2);
  });

  it('the read-back fits with the longest names and a foreign number', () => {
    const long = 'L'.repeat(150);
    const wide: BranchContext = {
      ...salon,
      staff: [Staff.restore({ id: 'anna', name: long, serviceIds: ['cut'] })],
      services: [Service.simple({ id: 'cut', name: long }, 30)],
    };
    const said = presentBookAppointment(wide, {
      kind: 'booked',
      appointment,
      repeated: false,
      verdicts: [],
      callbackNumber: '+861012345678901',
    });
    expect(said.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
    expect(said.message).toContain('Wir erreichen Sie unter + 8 6');
  });

  it('a booking names what was booked, and says whether Cal.com vouched for it', () => {
    const booked: BookAppointmentOutcome = {
      kind: 'booked',
      appointment,
      repeated: false,
      verdicts: ['offered'],
    };
    expect(presentBookAppointment(salon, booked)).toMatchObject({
      success: true,
      code: 'OK',
      message:
        'Ihr Termin ist eingetragen: Herrenhaarschnitt am Freitag, 4. Dezember um 10 Uhr bei Anna.',
      appointment_id: 'a1',
      calendar_verified: true,
    });
    const repeated = presentBookAppointment(salon, { ...booked, repeated: true, verdicts: [] });
    expect(repeated).not.toHaveProperty('calendar_verified');
  });

  it('a time taken offers the alternatives, checked or not', () => {
    const refused = presentBookAppointment(salon, {
      kind: 'unavailable',
      asked: start,
      stylist: anna,
      why: new SlotTaken('appointment'),
      alternatives: [],
      verdicts: ['unchecked'],
    });
    expect(refused).toMatchObject({
      success: false,
      code: 'AVAILABILITY.SLOT_TAKEN',
      available: false,
      calendar_verified: false,
    });
    const lost = presentBookAppointment(salon, {
      kind: 'taken-meanwhile',
      asked: start,
      stylist: undefined,
      alternatives: [],
      verdicts: [],
    });
    expect(lost).toMatchObject({ success: false, code: 'AVAILABILITY.SLOT_TAKEN' });
    expect(lost.message).toContain('gerade eben vergeben');
  });
});
