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
import { CustomerRow, customerFromRow, customersWithNumber } from './typeorm-customer.repository';

/** A live hold as liveHoldsOfCall() reads it (timestamps as dates, or as JSON strings). */
interface LiveHoldRow {
  readonly id: string;
  readonly call_id: string;
  readonly staff_id: string;
  readonly service_id: string;
  readonly starts_at: Date | string;
  readonly expires_at: Date | string;
  readonly busy: Array<{ s: string; e: string }> | null;
}

/** The call's holds that still hold at `now`, with their active busy time; SQL placeholders given. */
const liveHoldsOfCall = (company: string, call: string, now: string): string =>
  `SELECT h.id, h.call_id, h.staff_id, h.service_id, h.starts_at, h.expires_at, h.created_at,
          json_agg(json_build_object('s', lower(b.during), 'e', upper(b.during)) ORDER BY lower(b.during))
            FILTER (WHERE b.id IS NOT NULL) AS busy
     FROM holds h LEFT JOIN busy_blocks b ON b.hold_id = h.id AND b.active
    WHERE h.company_id = ${company} AND h.call_id = ${call} AND h.released_at IS NULL
      AND h.expires_at > ${now}
    GROUP BY h.id`;

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
