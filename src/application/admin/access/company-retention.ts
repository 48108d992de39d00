export const COMPANY_RETENTION = Symbol('CompanyRetention');

export interface CompanyRetention {
  /** Days a closed company's data is kept (COMPANY_RETENTION_DAYS). */
  readonly days: number;
  /** How often the sweep looks for companies past their retention (0: never by itself). */
  readonly sweepIntervalMs: number;
}

const DAY_MS = 86_400_000;

/** When a company closed at `closedAt` is erased. */
export const erasedAfter = (closedAt: Date, retention: CompanyRetention): Date =>
  new Date(closedAt.getTime() + retention.days * DAY_MS);
