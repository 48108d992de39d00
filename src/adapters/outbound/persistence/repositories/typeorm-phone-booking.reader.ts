import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TenantScope } from '../../../../application/ports/appointment.repository.port';
import {
  PhoneBookingFacts,
  PhoneBookingQuery,
  PhoneBookingReader,
} from '../../../../application/ports/phone-booking-reader.port';
import { CustomerRow, customerFromRow, customersWithNumber } from './typeorm-customer.repository';
import { holdFromRow, liveHoldsOfCall, LiveHoldRow } from './typeorm-hold.repository';

/** The idempotency probe, the call's live holds and the number's customers in one statement. */
@Injectable()
export class TypeOrmPhoneBookingReader implements PhoneBookingReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async facts(scope: TenantScope, q: PhoneBookingQuery): Promise<PhoneBookingFacts> {
    const [row]: Array<{
      earlier: string | null;
      holds: LiveHoldRow[];
      customers: CustomerRow[];
    }> = await this.dataSource.query(
      `SELECT (SELECT id FROM appointments WHERE company_id = $1 AND idempotency_key = $4)
                AS earlier,
              (SELECT coalesce(json_agg(h ORDER BY h.created_at), '[]')
                 FROM (${liveHoldsOfCall('$1', '$2', '$3')}) h) AS holds,
              (SELECT coalesce(json_agg(c), '[]')
                 FROM (${customersWithNumber('$1', '$5')}) c) AS customers`,
      [scope.companyId, q.callId, q.now, q.idempotencyKey, q.callerPhone],
    );
    return {
      earlierAppointmentId: row.earlier,
      heldByCall: row.holds.map(holdFromRow),
      customersWithNumber: row.customers.map(customerFromRow),
    };
  }
}
