import { ApiProperty } from '@nestjs/swagger';

export class RetellToolArgument {
  @ApiProperty({ enum: ['string'] }) type!: 'string';
  @ApiProperty({ type: 'integer' }) maxLength!: number;
  @ApiProperty() description!: string;
}

export class RetellToolParameters {
  @ApiProperty({ enum: ['object'] }) type!: 'object';
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/RetellToolArgument' },
  })
  properties!: Record<string, RetellToolArgument>;
  @ApiProperty({ type: [String] }) required!: string[];
}

/** One Retell custom tool, in the shape Retell's agent settings take it. */
export class RetellCustomToolResponse {
  @ApiProperty({ enum: ['custom'] }) type!: 'custom';
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: ['POST'] }) method!: 'POST';
  @ApiProperty({ type: RetellToolParameters }) parameters!: RetellToolParameters;
  @ApiProperty() speak_during_execution!: boolean;
  @ApiProperty() speak_after_execution!: boolean;
  @ApiProperty({ required: false }) execution_message_description?: string;
  @ApiProperty({ required: false, enum: ['static_text'] }) execution_message_type?: 'static_text';
  @ApiProperty({ type: 'integer' }) timeout_ms!: number;
}

export class RetellTransferDestination {
  @ApiProperty({ enum: ['predefined'] }) type!: 'predefined';
  @ApiProperty({ example: '{{transfer_number}}', description: 'set by the inbound webhook' })
  number!: string;
}

export class RetellTransferOption {
  @ApiProperty({ enum: ['cold_transfer'] }) type!: 'cold_transfer';
  @ApiProperty() show_transferee_as_caller!: boolean;
}

/** Retell's transfer_call tool: Retell transfers the call itself, to the branch's person. */
export class RetellTransferCallToolResponse {
  @ApiProperty({ enum: ['transfer_call'] }) type!: 'transfer_call';
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: RetellTransferDestination })
  transfer_destination!: RetellTransferDestination;
  @ApiProperty({ type: RetellTransferOption }) transfer_option!: RetellTransferOption;
}

export class RetellToolCatalogueResponse {
  @ApiProperty() function_call_url!: string;
  @ApiProperty({ type: [RetellCustomToolResponse] }) tools!: RetellCustomToolResponse[];
  @ApiProperty({
    type: RetellTransferCallToolResponse,
    description: "add it beside the custom tools: hands the caller to the branch's transferNumber",
  })
  transfer_call_tool!: RetellTransferCallToolResponse;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'every argument name the service accepts, by schema name (German names too)',
  })
  accepted_argument_names!: Record<string, string[]>;
}
