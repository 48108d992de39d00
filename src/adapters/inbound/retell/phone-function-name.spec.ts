import { phoneFunctionNamed } from './phone-function-name';

describe('phoneFunctionNamed', () => {
  it.each<[string, string | null]>([
    ['check_availability', 'check_availability'],
    ['Check_Availability', 'check_availability'],
    ['  book_appointment ', 'book_appointment'],
    ['start_booking', 'book_appointment'],
    // versioned names of agents moved over from the old system
    ['check_availability_v17', 'check_availability'],
    ['book_appointment_v17', 'book_appointment'],
    ['BOOK_APPOINTMENT_V2', 'book_appointment'],
    ['start_booking_v3', 'book_appointment'],
    ['get_current_context_v1', 'get_current_context'],
    ['check_customer_v17', 'check_customer'],
    ['list_appointments_v0', 'list_appointments'],
    ['cancel_appointment_v123', 'cancel_appointment'],
    ['reschedule_appointment_v17', 'reschedule_appointment'],
    // not a version suffix, or not a function
    ['check_availability_v', null],
    ['check_availability_vx', null],
    ['check_availability_v17_v18', null],
    ['check_availability-v17', null],
    ['check_availabilityv17', null],
    ['order_pizza_v17', null],
    ['_v17', null],
    ['constructor', null],
    ['__proto___v1', null],
  ])('%j → %s', (name, expected) => {
    expect(phoneFunctionNamed(name)).toBe(expected);
  });
});
