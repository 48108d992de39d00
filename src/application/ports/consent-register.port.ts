import { TenantScope } from './appointment.repository.port';

export const CONSENT_REGISTER = Symbol('ConsentRegister');

/** A customer's yes or no to being recognised by caller ID, and where it was said. */
export interface ConsentChange {
  readonly given: boolean;
  readonly source: 'booking' | 'forget_my_number';
  /** The call it was said on (null when the call id could not be resolved). */
  readonly callId: string | null;
  readonly at: Date;
}

/** Where consent to caller-ID recognition is set, withdrawn and logged. */
export interface ConsentRegister {
  /**
   * Sets or withdraws the consent of these customers of the company and logs each change with
   * the call and time, in one transaction; answers how many customers it applied to.
   */
  record(
    scope: TenantScope,
    customerIds: readonly string[],
    change: ConsentChange,
  ): Promise<number>;
}
