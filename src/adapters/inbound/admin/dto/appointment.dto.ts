import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { APPOINTMENT_STATUSES } from '../../../../domain/appointment/appointment-status';
import { SYNC_STATES } from '../../../../domain/appointment/sync-state';
import { FreeText, Instant, Uuid } from './field.decorators';
import { PageQuery } from './page.query';

export class CreateAppointmentDto {
  @Uuid()
  staffId!: string;

  @Uuid()
  serviceId!: string;

  @Uuid()
  customerId!: string;

  @Instant(true, 'start, e.g. 2026-12-04T10:00:00+01:00')
  start!: string;
}

export class MoveAppointmentDto {
  @Instant(
    true,
    'new start; the stylist stays the same, but a visit the branch may share is planned anew',
  )
  start!: string;
}

export class AppointmentQueryDto extends PageQuery {
  @Instant(false, 'starting at or after')
  from?: string;

  @Instant(false, 'starting before')
  to?: string;

  @Uuid(false, "the stylist's appointments, the visits they share with other stylists included")
  staffId?: string;

  @ApiProperty({ required: false, enum: APPOINTMENT_STATUSES })
  @IsOptional()
  @IsIn(APPOINTMENT_STATUSES)
  status?: (typeof APPOINTMENT_STATUSES)[number];

  @ApiProperty({ required: false, enum: SYNC_STATES })
  @IsOptional()
  @IsIn(SYNC_STATES)
  syncState?: (typeof SYNC_STATES)[number];
}

export class ResolveReviewDto {
  @ApiProperty({ enum: ['synced', 'not_required'] })
  @IsIn(['synced', 'not_required'])
  resolution!: 'synced' | 'not_required';

  @FreeText(500, true, 'Booking found in Cal.com by hand')
  note!: string;
}

export class SyncSummaryQuery {
  @Uuid(false, 'only this company')
  companyId?: string;
}
