import { DomainError } from '../shared/domain-error';
import type { AppointmentStatus, StatusEvent } from './appointment-status';
import type { SyncEvent, SyncState } from './sync-state';

/** A state machine was asked for a step it does not allow from its current state. */
export abstract class IllegalTransition extends DomainError {
  abstract readonly from: string;
  abstract readonly event: string;
}

export class IllegalStatusTransition extends IllegalTransition {
  readonly code = 'APPOINTMENT.ILLEGAL_STATUS_TRANSITION';
  readonly message: string;

  constructor(
    readonly from: AppointmentStatus,
    readonly event: StatusEvent,
  ) {
    super();
    this.message = `Status ${from} does not allow ${event}.`;
  }
}

export class IllegalSyncTransition extends IllegalTransition {
  readonly code = 'APPOINTMENT.ILLEGAL_SYNC_TRANSITION';
  readonly message: string;

  constructor(
    readonly from: SyncState,
    readonly event: SyncEvent,
  ) {
    super();
    this.message = `Sync state ${from} does not allow ${event}.`;
  }
}

/** A move must keep the service; a different service is a new appointment. */
export class ServiceMismatch extends DomainError {
  readonly code = 'APPOINTMENT.SERVICE_MISMATCH';
  readonly message = 'A move keeps the service; another service is a new appointment.';

  constructor(
    readonly expectedServiceId: string,
    readonly givenServiceId: string,
  ) {
    super();
  }
}

export class PhaseNotFound extends DomainError {
  readonly code = 'APPOINTMENT.PHASE_NOT_FOUND';
  readonly message = 'The appointment has no such phase.';

  constructor(readonly phaseId: string) {
    super();
  }
}

/**
 * A step the aggregate takes only from states its machine allows was refused anyway: a broken
 * invariant, not an outcome, so it throws (with a stack) instead of coming back as a value.
 */
export class ImpossibleTransition extends Error {
  readonly code = 'APPOINTMENT.IMPOSSIBLE_TRANSITION';

  constructor(readonly refused: IllegalTransition) {
    super(`${refused.code}: ${refused.event} from ${refused.from}`);
    this.name = 'ImpossibleTransition';
  }
}
