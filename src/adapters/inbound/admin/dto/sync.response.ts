import { ApiProperty } from '@nestjs/swagger';
import { SYNC_STATES } from '../../../../domain/appointment/sync-state';
import { PageOf } from './page.response';

export class SyncStateCountsResponse {
  @ApiProperty({ type: 'integer' }) pending!: number;
  @ApiProperty({ type: 'integer' }) synced!: number;
  @ApiProperty({ type: 'integer' }) failed!: number;
  @ApiProperty({ type: 'integer' }) manual_review!: number;
  @ApiProperty({ type: 'integer' }) not_required!: number;
}

export class CompanySyncSummaryResponse {
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() companyName!: string;
  @ApiProperty({ type: SyncStateCountsResponse }) counts!: SyncStateCountsResponse;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'synced / (synced + failed + manual_review); null: none yet',
  })
  successRate!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'syncs verified after an error / all errors; null: no errors',
  })
  falseNegativeRate!: number | null;
  @ApiProperty({ type: 'integer' }) verifiedAfterError!: number;
  @ApiProperty({ type: 'integer' }) errors!: number;
}

export class SyncSummaryResponse {
  @ApiProperty({ type: [CompanySyncSummaryResponse] }) companies!: CompanySyncSummaryResponse[];
}

export class ReviewItemResponse {
  @ApiProperty({ format: 'uuid' }) appointmentId!: string;
  @ApiProperty({ format: 'uuid' }) branchId!: string;
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ format: 'uuid' }) serviceId!: string;
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ enum: SYNC_STATES }) syncState!: string;
  @ApiProperty({ type: 'integer' }) syncAttempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastSyncError!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export const ReviewItemPageResponse = PageOf(ReviewItemResponse, 'ReviewItemPageResponse');

export class SyncFailureResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) appointmentId!: string | null;
  @ApiProperty({ example: 'calendar_sync.gave_up' }) action!: string;
  @ApiProperty({ type: String, nullable: true, description: 'short and scrubbed' })
  reason!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export const SyncFailurePageResponse = PageOf(SyncFailureResponse, 'SyncFailurePageResponse');
