export const PHONE_METRICS = Symbol('PhoneMetrics');

export type BookingOutcome = 'booked' | 'repeated' | 'taken' | 'refused';

/** What the phone path reports for monitoring; the adapter decides how it is exported. */
export interface PhoneMetrics {
  functionCall(name: string, outcome: string, seconds: number): void;
  booking(outcome: BookingOutcome): void;
}
