/**
 * Retell's own transfer_call tool: Retell hands the call over, no request reaches this
 * service. The number is the dynamic variable the inbound webhook sets from the branch's
 * transferNumber, so one agent serves every branch with the branch's own person.
 */
export interface RetellTransferCallTool {
  readonly type: 'transfer_call';
  readonly name: string;
  readonly description: string;
  readonly transfer_destination: { readonly type: 'predefined'; readonly number: string };
  readonly transfer_option: {
    readonly type: 'cold_transfer';
    /** false: the salon sees the agent's number, the one it knows, not an unknown caller's. */
    readonly show_transferee_as_caller: boolean;
  };
}

export const TRANSFER_NUMBER_VARIABLE = 'transfer_number';

export function buildTransferTool(): RetellTransferCallTool {
  return {
    type: 'transfer_call',
    name: 'transfer_call',
    description:
      'Verbindet mit einer Person im Salon, wenn die Anruferin ausdrücklich einen Menschen möchte oder Sie ihr nicht helfen können; nur wenn {{transfer_available}} "true" ist, sonst leave_message anbieten. / Transfers to a person at the salon when the caller asks for one or you cannot help; only when {{transfer_available}} is "true", else offer leave_message.',
    transfer_destination: { type: 'predefined', number: `{{${TRANSFER_NUMBER_VARIABLE}}}` },
    transfer_option: { type: 'cold_transfer', show_transferee_as_caller: false },
  };
}
