export const PHONE_METRICS = Symbol('PhoneMetrics');

export type BookingOutcome = 'booked' | 'repeated' | 'taken' | 'refused';

/** What the phone path reports for monitoring; the adapter decides how it is exported. */
export interface PhoneMetrics {
  functionCall(name: string, outcome: string, seconds: number): void;
  booking(outcome: BookingOutcome): void;
  /** An answer that involved a stylist's Cal.com calendar: could Cal.com be asked? */
  calendarVerified(name: string, verified: boolean): void;
}

/** For wiring without a metrics exporter: counts nothing. */
export const NO_PHONE_METRICS: PhoneMetrics = {
  functionCall: () => undefined,
  booking: () => undefined,
  calendarVerified: () => undefined,
};
