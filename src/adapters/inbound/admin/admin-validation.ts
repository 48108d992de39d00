import {
  createParamDecorator,
  ExecutionContext,
  ParseUUIDPipe,
  ValidationPipe,
} from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { InvalidInput } from '../../../application/admin/admin.errors';
import { AdminRefusal } from './admin-refusal';
import { problemsOf } from './unknown-field.problems';
import { RefuseControlCharactersPipe } from './refuse-control-characters.pipe';

export interface FieldProblem {
  field: string;
  problems: string[];
}

function fieldsOf(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = problemsOf(e);
    const nested = fieldsOf(e.children ?? [], field);
    return own.length > 0 ? [{ field, problems: own }, ...nested] : nested;
  });
}

/**
 * Strict: unknown fields are refused (not silently dropped), values are converted to the DTO's
 * types, and the answer names every bad field.
 */
export const ADMIN_VALIDATION = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validateCustomDecorators: true,
  // The DTO instance stays on each error so an unknown field can be matched to a declared one.
  validationError: { target: true },
  exceptionFactory: (errors) =>
    new AdminRefusal(
      new InvalidInput('VALIDATION.FAILED', 'The request has invalid or unknown fields.', {
        fields: fieldsOf(errors),
      }),
    ),
});

// Read straight from the request: the application-wide pipe skips custom decorators, so the
// strict pipe above sees exactly what the client sent.
const requestBody = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest().body ?? {},
);
const requestQuery = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest().query ?? {},
);

const REFUSE_CONTROL_CHARACTERS = new RefuseControlCharactersPipe();

/** The JSON body, free of control characters, validated strictly against the parameter's DTO. */
export const AdminBody = (): ParameterDecorator =>
  requestBody(undefined, REFUSE_CONTROL_CHARACTERS, ADMIN_VALIDATION);

/** The query string, free of control characters, validated strictly against the parameter's DTO. */
export const AdminQuery = (): ParameterDecorator =>
  requestQuery(undefined, REFUSE_CONTROL_CHARACTERS, ADMIN_VALIDATION);

export const invalidId = (param: string) =>
  new AdminRefusal(new InvalidInput('REQUEST.INVALID_ID', `${param} must be a UUID.`));

/** A path id that is no UUID is refused before it reaches the database. */
export const idPipe = (param: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => invalidId(param) });
