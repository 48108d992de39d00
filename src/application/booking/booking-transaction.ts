import { SlotTaken } from '../../domain/availability/availability.errors';
import { AuditEntry } from '../ports/audit-log.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { CallContext } from './call-context';

/** Thrown inside a booking transaction so that everything it wrote rolls back. */
export class SlotLost extends Error {
  constructor(readonly taken: SlotTaken) {
    super(taken.code);
  }
}

/** An audit line for a change the caller made: ids and times only, never personal data. */
export function callerAudit(
  salon: BranchContext,
  call: CallContext,
  action: string,
  appointmentId: string,
  details: Record<string, unknown>,
  at: Date,
): AuditEntry {
  return {
    companyId: salon.companyId,
    actor: call.callId ? `call:${call.callId}` : 'call:unknown',
    action,
    entity: 'appointment',
    entityId: appointmentId,
    details,
    at,
  };
}
