import type { Result } from '../shared/result';
import { ImpossibleTransition, type IllegalTransition } from './appointment.errors';

/** Unwraps a step taken only where the machine allows it; a refusal is a bug and throws. */
export function legal<T>(step: Result<T, IllegalTransition>): T {
  if (!step.ok) throw new ImpossibleTransition(step.error);
  return step.value;
}
