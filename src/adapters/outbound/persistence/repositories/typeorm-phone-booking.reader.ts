import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TenantScope } from '../../../../application/ports/appointment.repository.port';
import {
  PhoneBookingFacts,
  PhoneBookingQuery,
  PhoneBookingReader,
} from '../../../../application/ports/phone-booking-reader.port';
import { Hold } from '../../../../domain/appointment/hold';
import { TimeRange } from '../../../../domain/shared/time-range';
import { CustomerRow, customerFromRow } from './typeorm-customer.repository';

/** A live hold as phone_booking_facts() reads it (timestamps as JSON strings). */
interface LiveHoldRow {
  readonly id: string;
  readonly call_id: string;
  readonly staff_id: string;
  readonly service_id: string;
  readonly starts_at: Date | string;
  readonly expires_at: Date | string;
  readonly busy: Array<{ s: string; e: string }> | null;
}

const holdFromRow = (r: LiveHoldRow): Hold =>
  Hold.restore({
    id: r.id,
    callId: r.call_id,
    staffId: r.staff_id,
    serviceId: r.service_id,
    start: new Date(r.starts_at),
    expiresAt: new Date(r.expires_at),
    busy: (r.busy ?? []).map((x) => TimeRange.of(new Date(x.s), new Date(x.e))),
  });

/** The idempotency probe, the call's live holds and the number's customers in one statement. */
@Injectable()
export class TypeOrmPhoneBookingReader implements PhoneBookingReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async facts(scope: TenantScope, q: PhoneBookingQuery): Promise<PhoneBookingFacts> {
    // The statement is phone_booking_facts (migration 1764290600000), planned once per
    // connection.
    const [row]: Array<{
      earlier_appointment: string | null;
      call_holds: LiveHoldRow[];
      number_customers: CustomerRow[];
    }> = await this.dataSource.query(
      `SELECT earlier_appointment, call_holds, number_customers
         FROM phone_booking_facts($1, $2, $3, $4, $5)`,
      [scope.companyId, q.callId, q.now, q.idempotencyKey, q.callerPhone],
    );
    return {
      earlierAppointmentId: row.earlier_appointment,
      heldByCall: row.call_holds.map(holdFromRow),
      customersWithNumber: row.number_customers.map(customerFromRow),
    };
  }
}
