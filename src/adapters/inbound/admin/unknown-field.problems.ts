import { getMetadataStorage, ValidationError } from 'class-validator';
import { unknownFieldProblem } from '../../../common/closest-name';

/** The fields a DTO class declares, as its validation decorators name them. */
function declaredFields(target: object | undefined): string[] {
  if (!target) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(
    target.constructor,
    '',
    true,
    false,
  );
  return [...new Set(metadata.map((m) => m.propertyName))];
}

/**
 * A field's problems as class-validator words them, with the field a misspelt one most likely
 * meant: `property closedDate should not exist; did you mean "closedDates"?`.
 */
export function problemsOf(e: ValidationError): string[] {
  return Object.entries(e.constraints ?? {}).map(([constraint, problem]) =>
    constraint === 'whitelistValidation'
      ? unknownFieldProblem(e.property, declaredFields(e.target))
      : problem,
  );
}
