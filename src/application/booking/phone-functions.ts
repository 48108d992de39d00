export const PHONE_FUNCTION_NAMES = [
  'get_current_context',
  'check_customer',
  'check_availability',
  'book_appointment',
  'list_appointments',
  'cancel_appointment',
  'reschedule_appointment',
  'get_service_info',
  'forget_my_number',
  'leave_message',
  'request_callback',
] as const;
export type PhoneFunctionName = (typeof PHONE_FUNCTION_NAMES)[number];

/** Other names agents use for the same functions. */
export const PHONE_FUNCTION_ALIASES: Readonly<Record<string, PhoneFunctionName>> = {
  start_booking: 'book_appointment',
  nummer_vergessen: 'forget_my_number',
};

/**
 * Arguments after the edge translated German or English names (datum/date, uhrzeit/time,
 * dienstleistung/service, name/customer_name, mitarbeiter/staff, nur_mitarbeiter/staff_only)
 * and trimmed them.
 */
export interface PhoneFunctionArgs {
  readonly service?: string;
  readonly date?: string;
  readonly time?: string;
  readonly name?: string;
  readonly staff?: string;
  /** "ja" when the caller wants that stylist and nobody else (see SpokenRequestReader). */
  readonly staffOnly?: string;
  readonly email?: string;
  readonly appointmentId?: string;
  readonly newDate?: string;
  readonly newTime?: string;
  /** A callback number said aloud ("null eins sieben eins ..."), for a withheld caller. */
  readonly callbackNumber?: string;
  /** The caller's yes or no to being recognised by their number next time ("ja"/"nein"). */
  readonly consent?: string;
  /** What the caller wants the salon to know or do (leave_message, request_callback). */
  readonly message?: string;
  /** When the caller would like to be called back, as said ("morgen ab 16 Uhr"). */
  readonly preferredTime?: string;
}
