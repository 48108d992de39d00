import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from './page.query';
import { Uuid } from './field.decorators';
import { PageOf } from './page.response';

const STATUSES = ['open', 'done'] as const;

export class CallerMessageQuery extends PageQuery {
  @ApiProperty({ required: false, enum: STATUSES, description: 'open or done; default both' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: 'open' | 'done';

  @Uuid(false, 'only this branch')
  branchId?: string;
}

export class UpdateCallerMessageDto {
  @ApiProperty({ enum: STATUSES, description: 'done: handled by the salon; open again' })
  @IsIn(STATUSES)
  status!: 'open' | 'done';
}

export class CallerMessageResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) branchId!: string;
  @ApiProperty({ type: String, nullable: true, description: "Retell's call id" })
  callId!: string | null;
  @ApiProperty({ enum: ['callback', 'message'] }) kind!: 'callback' | 'message';
  @ApiProperty({ type: String, nullable: true, description: 'what the caller said, ≤ 1000' })
  message!: string | null;
  @ApiProperty({ type: String, nullable: true }) callerName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'E.164; null: withheld, none said' })
  callbackNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'as said, e.g. "morgen ab 16 Uhr"' })
  preferredTime!: string | null;
  @ApiProperty({ enum: STATUSES }) status!: 'open' | 'done';
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) doneAt!: string | null;
  @ApiProperty({ description: 'true once the mail to the branch went out' }) mailed!: boolean;
  @ApiProperty({
    enum: ['not_configured', 'no_address', 'pending', 'sent', 'failed'],
    description:
      'not_configured: no SMTP server set; no_address: the branch has no e-mail; pending: sending or waiting to retry; failed: retries used up',
  })
  mailStatus!: string;
  @ApiProperty({ type: 'integer' }) mailAttempts!: number;
}

export const CallerMessagePageResponse = PageOf(CallerMessageResponse, 'CallerMessagePageResponse');
