export const CALLER_MESSAGES = Symbol('CallerMessages');

export type CallerMessageKind = 'callback' | 'message';
/** not_configured: no SMTP; no_address: the branch has no e-mail; failed: retries used up. */
export type MailStatus = 'not_configured' | 'no_address' | 'pending' | 'sent' | 'failed';

/** What a caller asked the salon, as the phone function stores it. */
export interface NewCallerMessage {
  readonly companyId: string;
  readonly branchId: string;
  readonly callId: string | null;
  readonly kind: CallerMessageKind;
  /** Null only for a callback asked without saying what for. */
  readonly body: string | null;
  readonly callerName: string | null;
  readonly callbackNumber: string | null;
  readonly preferredTime: string | null;
  readonly createdAt: Date;
  readonly mailTo: string | null;
  readonly mailStatus: MailStatus;
}

export interface CallerMessage extends NewCallerMessage {
  readonly id: string;
  readonly status: 'open' | 'done';
  readonly doneAt: Date | null;
  readonly mailAttempts: number;
  readonly mailSentAt: Date | null;
}

export interface CallerMessageFilter {
  readonly status?: 'open' | 'done';
  readonly branchId?: string;
}

/** Where a message was left, as the salon's set-up says now (not as at the call). */
export interface MessagePlace {
  readonly companyName: string;
  readonly branchName: string;
  /** False: the branch was made inactive; its mail goes to an active branch where one can. */
  readonly branchActive: boolean;
  /** The branch's IANA zone: the mail says when the message came on the salon's clock. */
  readonly timeZone: string;
}

/** One message whose mail is due, claimed for `leaseUntil` so no other process sends it. */
export interface DueMail {
  readonly message: CallerMessage;
  /**
   * The branch's address now; for an inactive branch the first active branch of the company
   * that has one, else its own, else the one it had at the call.
   */
  readonly mailTo: string;
  readonly place: MessagePlace;
}

export interface CallerMessages {
  /** Stores it once per call and text; answers the stored one (the first, on a retry). */
  store(message: NewCallerMessage): Promise<CallerMessage>;
  list(
    companyId: string,
    filter: CallerMessageFilter,
    page: { page: number; pageSize: number },
  ): Promise<{ items: CallerMessage[]; total: number }>;
  /** Null when the company has no such message. */
  setStatus(
    companyId: string,
    id: string,
    status: 'open' | 'done',
    at: Date,
  ): Promise<CallerMessage | null>;
  /**
   * This message's mail when it is pending and due at `now`, leased until `leaseUntil` (no
   * other worker takes it meanwhile); null otherwise, or when another worker holds it.
   */
  claimMail(id: string, now: Date, leaseUntil: Date): Promise<DueMail | null>;
  /** Ids of pending mails due before `dueBefore` (their job lost), by id after `afterId`. */
  overdueMail(dueBefore: Date, limit: number, afterId?: string): Promise<string[]>;
  markMailed(id: string, at: Date): Promise<void>;
  /** Another try at `retryAt`, or none (failed for good) when null. */
  markMailFailed(id: string, reason: string, retryAt: Date | null): Promise<void>;
}
