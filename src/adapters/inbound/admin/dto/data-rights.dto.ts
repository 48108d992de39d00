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

class ExportedCustomerResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'E.164' }) phone!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() recognitionConsent!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the customer agreed on a call (null when staff set it, or no consent)',
  })
  consentGivenAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the call the consent was given on' })
  consentCallId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class ExportedFunctionCallResponse {
  @ApiProperty() name!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the arguments as traced (names and contacts were redacted when stored)',
  })
  args!: unknown;
  @ApiProperty() latencyMs!: number;
  @ApiProperty() outcome!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

class ExportedCallResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) branchId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'as the network sent it' })
  fromNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) toNumber!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  analysis!: unknown;
  @ApiProperty({ type: [ExportedFunctionCallResponse] })
  functionCalls!: ExportedFunctionCallResponse[];
}

class ExportedConsentChangeResponse {
  @ApiProperty({ description: 'true: agreed to be recognised by number; false: withdrew' })
  given!: boolean;
  @ApiProperty({ description: 'where it was recorded (a phone function, the admin API)' })
  source!: string;
  @ApiProperty({ type: String, nullable: true }) callId!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

class ExportedCallerMessageResponse {
  @ApiProperty({ enum: ['message', 'callback'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) callId!: string | null;
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
  @ApiProperty({ type: String, nullable: true }) callerName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'E.164' })
  callbackNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) preferredTime!: string | null;
  @ApiProperty({ enum: ['open', 'done'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class ExportedAuditEntryResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() action!: string;
  @ApiProperty() entity!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: unknown;
}

/** Everything stored about one customer (GDPR Art. 15). */
export class CustomerDataExportResponse {
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({ type: ExportedCustomerResponse }) customer!: ExportedCustomerResponse;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'every appointment, any status, with its phases (as GET …/appointments/:id)',
  })
  appointments!: unknown[];
  @ApiProperty({ type: [ExportedCallResponse] }) calls!: ExportedCallResponse[];
  @ApiProperty({ type: [ExportedConsentChangeResponse] })
  consentChanges!: ExportedConsentChangeResponse[];
  @ApiProperty({ type: [ExportedCallerMessageResponse] })
  messages!: ExportedCallerMessageResponse[];
  @ApiProperty({ type: [ExportedAuditEntryResponse] }) audit!: ExportedAuditEntryResponse[];
}
