import { ApiProperty } from '@nestjs/swagger';
import type { SavedMapping } from '../../../../application/admin/catalog/calendar-mappings.use-case';
import type { BufferCheck } from '../../../../application/admin/catalog/event-type-buffer.check';
import { CredentialResponse } from './calcom-rotation.dto';
import { PageOf } from './page.response';

export const CredentialPageResponse = PageOf(CredentialResponse, 'CredentialPageResponse');

export class MappingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty({ format: 'uuid' }) credentialId!: string;
  @ApiProperty({ format: 'uuid' }) serviceId!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'the segment of a multi-part service; null: the whole service',
  })
  segmentSequence!: number | null;
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ type: 'integer' }) eventTypeId!: number;
  @ApiProperty({ type: 'integer', nullable: true }) calcomUserId!: number | null;
}

export const MappingPageResponse = PageOf(MappingResponse, 'MappingPageResponse');

/** Something about a saved mapping the salon should look at; the mapping is stored. */
export class MappingWarning {
  @ApiProperty({
    enum: ['CALCOM_MAPPING.BUFFER_DIFFERS', 'CALCOM_MAPPING.BUFFER_UNCHECKED'],
    description:
      'BUFFER_DIFFERS: the event type’s buffer after each booking (Cal.com afterEventBuffer) is ' +
      'not the service’s buffer after its last step (0 for an earlier step); BUFFER_UNCHECKED: ' +
      'Cal.com could not be asked',
  })
  code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: 'integer', required: false }) serviceBufferMinutes?: number;
  @ApiProperty({ type: 'integer', required: false }) eventTypeBufferMinutes?: number;
}

export class SavedMappingResponse extends MappingResponse {
  @ApiProperty({
    type: [MappingWarning],
    description: 'checked once, when the mapping is saved (kept in the audit log too)',
  })
  warnings!: MappingWarning[];
}

/** The saved mapping as the API shows it: its buffer check as warnings. */
export function savedMappingResponse(saved: SavedMapping): SavedMappingResponse {
  const { bufferCheck, ...mapping } = saved;
  return { ...mapping, warnings: bufferWarnings(bufferCheck) };
}

function bufferWarnings(check: BufferCheck): MappingWarning[] {
  switch (check.kind) {
    case 'agrees':
      return [];
    case 'unchecked':
      return [
        {
          code: 'CALCOM_MAPPING.BUFFER_UNCHECKED',
          message: `The event type's buffer could not be read (${check.reason}); check it in Cal.com.`,
        },
      ];
    case 'differs':
      return [
        {
          code: 'CALCOM_MAPPING.BUFFER_DIFFERS',
          message: check.lastStep
            ? `The event type keeps ${check.eventTypeMinutes} minutes free after each booking; the service's buffer is ${check.expectedMinutes}. Set the event type's buffer after to ${check.expectedMinutes} minutes.`
            : `The event type keeps ${check.eventTypeMinutes} minutes free after each booking, but this step is not the service's last: set its buffer after to 0.`,
          serviceBufferMinutes: check.expectedMinutes,
          eventTypeBufferMinutes: check.eventTypeMinutes,
        },
      ];
  }
}

export class MappingRemovedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
}
