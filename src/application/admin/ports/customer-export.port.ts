export const CUSTOMER_EXPORT = Symbol('CustomerExport');

export interface ExportedFunctionCall {
  readonly name: string;
  /** As traced: already redacted of names and contacts when the call was made. */
  readonly args: unknown;
  readonly latencyMs: number;
  readonly outcome: string;
  readonly at: string;
}

export interface ExportedCall {
  readonly id: string;
  readonly branchId: string | null;
  readonly fromNumber: string | null;
  readonly toNumber: string | null;
  readonly status: string;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly analysis: unknown;
  readonly functionCalls: ExportedFunctionCall[];
}

export interface ExportedAuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly details: unknown;
}

/** One change of the customer's consent to be recognised by number. */
export interface ExportedConsentChange {
  readonly given: boolean;
  /** Where it was recorded: a phone function, the admin API. */
  readonly source: string;
  readonly callId: string | null;
  readonly at: string;
}

/** A message or callback request for the salon, left on their call or giving their number. */
export interface ExportedCallerMessage {
  readonly kind: string;
  readonly callId: string | null;
  readonly text: string | null;
  readonly callerName: string | null;
  readonly callbackNumber: string | null;
  readonly preferredTime: string | null;
  readonly status: string;
  readonly createdAt: string;
}

/** What is stored about one customer beyond their row (GDPR Art. 15), read for an export. */
export interface CustomerExport {
  /** Ids of every appointment of the customer, whatever its status, earliest first. */
  appointmentIds(companyId: string, customerId: string): Promise<string[]>;
  /**
   * Calls made from the customer's number (any spelling: `phoneDigitSpellings`) or that booked
   * one of their appointments, with their traced function calls.
   */
  calls(
    companyId: string,
    customerId: string,
    phoneDigitSpellings: readonly string[],
  ): Promise<ExportedCall[]>;
  /** Every recorded change of their consent, oldest first. */
  consentChanges(companyId: string, customerId: string): Promise<ExportedConsentChange[]>;
  /** Messages left on their calls or giving one of their number's spellings, oldest first. */
  callerMessages(
    companyId: string,
    customerId: string,
    phoneDigitSpellings: readonly string[],
  ): Promise<ExportedCallerMessage[]>;
  /** Audit entries about the customer, their appointments, or made by those calls. */
  audit(
    companyId: string,
    customerId: string,
    appointmentIds: readonly string[],
    callIds: readonly string[],
  ): Promise<ExportedAuditEntry[]>;
}
