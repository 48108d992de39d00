import { DataSource } from 'typeorm';
import { TenantScope } from '../../src/application/ports/appointment.repository.port';
import { TypeOrmPhoneBookingReader } from '../../src/adapters/outbound/persistence/repositories/typeorm-phone-booking.reader';
import { Hold } from '../../src/domain/appointment/hold';

/** A call's holds that still hold at `now`, as a phone booking reads them. */
export async function liveHolds(
  ds: DataSource,
  scope: TenantScope,
  callId: string,
  now: Date,
): Promise<readonly Hold[]> {
  const facts = await new TypeOrmPhoneBookingReader(ds).facts(scope, {
    idempotencyKey: '',
    callId,
    callerPhone: '',
    now,
  });
  return facts.heldByCall;
}
