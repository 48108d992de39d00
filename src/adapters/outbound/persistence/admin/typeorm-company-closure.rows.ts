/** Whether, and since when, a company is closed. */
export interface ClosedAtRow {
  closed_at: Date | null;
}
