import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TextMatch } from '../../../../application/admin/ports/audit-trail.port';
import { Instant } from './field.decorators';
import { PageQuery } from './page.query';

function Filter(pattern: RegExp, max: number, what: string, example: string) {
  return applyDecorators(
    ApiProperty({
      required: false,
      type: String,
      maxLength: max,
      pattern: pattern.source,
      description: what,
      example,
    }),
    IsOptional(),
    IsString(),
    MaxLength(max),
    Matches(pattern, { message: `$property must match ${pattern.source}` }),
  );
}

// A trailing * asks for a prefix (`calendar_sync.*`, `call:*`); otherwise the value is exact.
const ACTOR = /^[A-Za-z0-9_.:@-]+\*?$/;
const ACTION = /^[a-z0-9_.-]+\*?$/;
const ENTITY = /^[a-z0-9_]+$/;
const ENTITY_ID = /^[A-Za-z0-9_.:-]+$/;

export class AuditQueryDto extends PageQuery {
  @Instant(false, 'entries at or after')
  from?: string;

  @Instant(false, 'entries before')
  to?: string;

  @Filter(
    ACTOR,
    101,
    'who: admin:<keyId>, admin:bootstrap, call:<callId>, calendar-sync, ...; a trailing * matches a prefix',
    'admin:*',
  )
  actor?: string;

  @Filter(
    ACTION,
    65,
    'what, e.g. admin_key.revoked; a trailing * matches a prefix',
    'calendar_sync.*',
  )
  action?: string;

  @Filter(
    ENTITY,
    64,
    'the kind of object, e.g. appointment, customer, admin_api_key',
    'appointment',
  )
  entity?: string;

  @Filter(ENTITY_ID, 128, "the object's id", '7d0b6a1e-5f43-4c1a-9d7e-0b0f3c2a9e11')
  entityId?: string;
}

/** `x*` → prefix x; anything else → exact. */
export function textMatch(value: string | undefined): TextMatch | undefined {
  if (value === undefined) return undefined;
  return value.endsWith('*')
    ? { value: value.slice(0, -1), prefix: true }
    : { value, prefix: false };
}

export class AuditEntryResponse {
  @ApiProperty({ description: 'ascending with time of writing' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'admin:bootstrap' }) actor!: string;
  @ApiProperty({ example: 'admin_key.revoked' }) action!: string;
  @ApiProperty({ example: 'admin_api_key' }) entity!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'facts only: ids, times, states, counts; e-mails and numbers in texts masked',
  })
  details!: Record<string, unknown>;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
