import { ApiProperty } from '@nestjs/swagger';
import { APPOINTMENT_STATUSES } from '../../../../domain/appointment/appointment-status';
import { SYNC_STATES } from '../../../../domain/appointment/sync-state';
import { PageOf } from './page.response';

export class AppointmentPhaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) sequence!: number;
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time' }) end!: string;
  @ApiProperty() staffBusy!: boolean;
  @ApiProperty() isBuffer!: boolean;
  @ApiProperty({ enum: SYNC_STATES }) syncState!: string;
  @ApiProperty({
    format: 'uuid',
    description:
      "who does this step: in a visit shared by stylists its own, else the appointment's staffId",
  })
  staffId!: string;
  @ApiProperty({ format: 'uuid', description: 'the service (of a visit) this step belongs to' })
  serviceId!: string;
}

export class AppointmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) branchId!: string | null;
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ format: 'uuid' }) serviceId!: string;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time' }) end!: string;
  @ApiProperty({ enum: APPOINTMENT_STATUSES }) status!: string;
  @ApiProperty({ enum: ['voice', 'admin', 'calendar'] }) source!: string;
  @ApiProperty({ enum: SYNC_STATES }) syncState!: string;
  @ApiProperty({ type: 'integer' }) syncAttempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastSyncError!: string | null;
  @ApiProperty({ type: [AppointmentPhaseResponse] }) phases!: AppointmentPhaseResponse[];
}

export const AppointmentPageResponse = PageOf(AppointmentResponse, 'AppointmentPageResponse');
