import { DomainError } from '../shared/domain-error';

/** Neither the agent's argument nor Retell's call object carried a real call id. */
export class NoCallId extends DomainError {
  readonly code = 'CALL.NO_CALL_ID';
  readonly message = 'Neither the arguments nor the call object carried a call id.';
}

/** Several live calls could be meant: we refuse rather than attach data to the wrong caller. */
export class AmbiguousLiveCall extends DomainError {
  readonly code = 'CALL.AMBIGUOUS_LIVE_CALL';
  readonly message: string;

  constructor(readonly count: number) {
    super();
    this.message = `${count} live calls could be meant.`;
  }
}

/** A call-ended event whose end lies before the call's start: the event is not applied. */
export class CallEndsBeforeStart extends DomainError {
  readonly code = 'CALL.ENDS_BEFORE_START';
  readonly message = 'The call ends before it starts.';
}
