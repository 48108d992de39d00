/** An appointment whose busy block overlaps. */
export interface OverlappingAppointmentRow {
  appointment_id: string;
}
