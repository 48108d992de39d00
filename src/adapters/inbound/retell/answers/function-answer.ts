/**
 * What every phone function answers: the facts plus a short German sentence to speak.
 * A refusal is an answer too (success false, a stable code), never an exception.
 */
export interface FunctionAnswer {
  readonly success: boolean;
  /** Stable code, e.g. 'OK', 'AVAILABILITY.SLOT_TAKEN', 'LANGUAGE.DATE_NOT_UNDERSTOOD'. */
  readonly code: string;
  readonly message: string;
  readonly [fact: string]: unknown;
}

export const answer = (
  code: string,
  message: string,
  facts: Record<string, unknown> = {},
  success = code === 'OK',
): FunctionAnswer => ({ success, code, message, ...facts });
