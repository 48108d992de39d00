import { isDomainRefusal, sentenceFor } from '../../../../common/domain-error.sentences';
import { DomainError } from '../../../../domain/shared/domain-error';

/**
 * What the caller hears for one of the domain's refusals. A refusal without a sentence is a
 * bug: it throws, and the caller hears the general apology instead of an English line.
 */
export function spokenRefusal(refusal: DomainError): string {
  if (isDomainRefusal(refusal)) return sentenceFor(refusal);
  throw new Error(`no sentence for ${refusal.code}`);
}
