import { ApiProperty } from '@nestjs/swagger';

/** The answer to a customer's erasure (GDPR Art. 17). */
export class CustomerErasedResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time', description: 'when the customer was (first) erased' })
  erasedAt!: string;

  @ApiProperty({
    description: 'future appointments this request cancelled (their Cal.com bookings follow)',
  })
  cancelledAppointments!: number;

  @ApiProperty({ description: 'calls whose number and traced arguments this request cleared' })
  clearedCalls!: number;
}
