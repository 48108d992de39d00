import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TenantScope } from '../../../../application/ports/appointment.repository.port';
import {
  PhoneBookingFacts,
  PhoneBookingQuery,
  PhoneBookingReader,
} from '../../../../application/ports/phone-booking-reader.port';
import { PhoneBookingFactsRow, toPhoneBookingFacts } from './typeorm-phone-booking.rows';

/** The idempotency probe, the call's live holds and the number's customers in one statement. */
@Injectable()
export class TypeOrmPhoneBookingReader implements PhoneBookingReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async facts(scope: TenantScope, q: PhoneBookingQuery): Promise<PhoneBookingFacts> {
    // The statement is phone_booking_facts (migration 1764290600000), planned once per
    // connection.
    const [row]: PhoneBookingFactsRow[] = await this.dataSource.query(
      `SELECT earlier_appointment, call_holds, number_customers
         FROM phone_booking_facts($1, $2, $3, $4, $5)`,
      [scope.companyId, q.callId, q.now, q.idempotencyKey, q.callerPhone],
    );
    return toPhoneBookingFacts(row);
  }
}
