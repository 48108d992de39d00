import type {
  LedgerEntry,
  LedgerState,
} from '../../../../application/ports/calendar-booking-ledger.port';

export interface LedgerRow {
  company_id: string;
  appointment_id: string;
  phase_id: string;
  credential_ref: string;
  event_type_id: string;
  booking_id: string;
  booking_uid: string;
  starts_at: Date;
  ends_at: Date;
  state: LedgerState;
  last_error: string | null;
}

export const COLUMNS = `company_id, appointment_id, phase_id, credential_ref, event_type_id, booking_id,
  booking_uid, starts_at, ends_at, state, last_error`;

export const toLedgerEntry = (r: LedgerRow): LedgerEntry => ({
  companyId: r.company_id,
  appointmentId: r.appointment_id,
  phaseId: r.phase_id,
  credentialRef: r.credential_ref,
  eventTypeId: Number(r.event_type_id),
  bookingId: Number(r.booking_id),
  bookingUid: r.booking_uid,
  start: new Date(r.starts_at),
  end: new Date(r.ends_at),
  state: r.state,
  ...(r.last_error ? { lastError: r.last_error } : {}),
});
