import { INestApplication, LoggerService, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { Request } from 'express';
import { retellBodyReader } from '../adapters/inbound/retell/retell-body.reader';
import { AppConfig } from '../config/app-config';
import { DEFAULT_RETELL_BODY_LIMIT_BYTES } from '../config/environment';
import { invalidBody } from './coded-http.exception';
import { BodyDepthInterceptor } from './body-depth.interceptor';
import { ForbiddenKeysInterceptor } from './forbidden-keys.interceptor';
import { HttpExceptionFilter } from './http-exception.filter';

/** A salon file, the deepest admin body, nests 7 levels; the Retell routes allow 32 too. */
const ADMIN_BODY_MAX_DEPTH = 32;

/** The request as the Retell routes see it: the exact bytes received, for the signature. */
export interface RequestWithRawBody extends Request {
  rawBody?: Buffer;
}

/**
 * Pipes, filter and body reading shared by bootstrap() and the end-to-end tests, so both
 * answer a request the same way. The Retell body limit is the app's RETELL_BODY_LIMIT_BYTES.
 */
export function configureHttpEdge(app: INestApplication, logger?: LoggerService): void {
  app.use('/api/retell', retellBodyReader(retellBodyLimit(app)));
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      transform: true,
      forbidUnknownValues: true,
      exceptionFactory: (errors) =>
        invalidBody('The request body has the wrong shape.', { fields: fieldsOf(errors) }),
    }),
  );
  // Before any pipe transforms a body: nesting past what any admin body needs, and
  // `__proto__`, `constructor`, `prototype` keys, answer 400.
  app.useGlobalInterceptors(
    new BodyDepthInterceptor('/api/admin', ADMIN_BODY_MAX_DEPTH),
    new ForbiddenKeysInterceptor('/api/admin'),
  );
  app.useGlobalFilters(new HttpExceptionFilter(logger));
}

/** From the app's validated environment; an app without one (a unit test) has the default. */
function retellBodyLimit(app: INestApplication): number {
  try {
    return (
      app.get(AppConfig, { strict: false }).env.RETELL_BODY_LIMIT_BYTES ??
      DEFAULT_RETELL_BODY_LIMIT_BYTES
    );
  } catch {
    return DEFAULT_RETELL_BODY_LIMIT_BYTES;
  }
}

function fieldsOf(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    return e.children && e.children.length > 0 ? fieldsOf(e.children, path) : [path];
  });
}
