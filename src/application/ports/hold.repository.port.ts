import { Hold } from '../../domain/appointment/hold';
import { SlotTaken } from '../../domain/availability/availability.errors';
import { Result } from '../../domain/shared/result';
import { TenantScope } from './appointment.repository.port';

export const HOLD_REPOSITORY = Symbol('HoldRepository');

/** Holds share the stylist's busy blocks, so the database refuses a hold over taken time. */
export interface HoldRepository {
  /** Releases this call's earlier holds, then places the new one. */
  place(scope: TenantScope, hold: Hold, now: Date): Promise<Result<void, SlotTaken>>;
  releaseForCall(scope: TenantScope, callId: string, now: Date): Promise<void>;
}
