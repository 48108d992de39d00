export const CALENDAR_HOST_CHECK = Symbol('CalendarHostCheck');

/** Whether the service may send a tenant's calendar requests to a base URL it gives. */
export interface CalendarHostCheck {
  /** Why the base URL is refused (a phrase after "baseUrl"), or null when it may be stored. */
  refusal(baseUrl: string): Promise<string | null>;
}
