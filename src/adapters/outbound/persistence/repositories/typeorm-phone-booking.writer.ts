import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TenantScope } from '../../../../application/ports/appointment.repository.port';
import { storableJson } from '../../../../common/storable-text';
import {
  ALREADY_BOOKED,
  PhoneBooking,
  PhoneBookingWriter,
} from '../../../../application/ports/phone-booking-writer.port';
import { SlotTaken } from '../../../../domain/availability/availability.errors';
import { Result } from '../../../../domain/shared/result';
import { AppointmentMapper } from '../mappers/appointment.mapper';
import { runAgainOnConflict } from '../retried-transaction';
import { BookingRefusalRow, toBookingResult } from './typeorm-phone-booking.rows';

/**
 * One round trip, one transaction: the book_by_phone function (see its migration) writes the
 * whole booking or nothing, under the stylist's day locks.
 */
@Injectable()
export class TypeOrmPhoneBookingWriter implements PhoneBookingWriter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async write(
    scope: TenantScope,
    b: PhoneBooking,
    now: Date,
  ): Promise<Result<void, SlotTaken | typeof ALREADY_BOOKED>> {
    const { appointment, phases } = AppointmentMapper.columnRecords(scope.companyId, b.appointment);
    const c = b.customer;
    const params = [
      JSON.stringify(appointment),
      JSON.stringify(phases),
      // A caller's words may hold NUL or half a surrogate pair, which jsonb refuses.
      JSON.stringify(
        storableJson({
          id: c.id,
          name: c.name,
          phone_e164: c.phone,
          email: c.email ?? null,
          recognition_consent: c.recognitionConsent,
        }),
      ),
      b.customerIsNew,
      b.callId ?? null,
      JSON.stringify(
        storableJson({
          actor: b.audit.actor,
          action: b.audit.action,
          entity: b.audit.entity,
          entity_id: b.audit.entityId ?? null,
          details: b.audit.details ?? {},
          at: b.audit.at,
        }),
      ),
      now,
    ];
    const [row]: BookingRefusalRow[] = await runAgainOnConflict(() =>
      this.dataSource.query(
        `SELECT book_by_phone($1::jsonb, $2::jsonb, $3::jsonb, $4, $5, $6::jsonb, $7) AS refusal`,
        params,
      ),
    );
    return toBookingResult(row);
  }
}
