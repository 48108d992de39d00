import { HttpStatus, INestApplication, LoggerService, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { json, NextFunction, Request, Response } from 'express';
import {
  bodyTooLarge,
  CodedHttpException,
  invalidBody,
  malformedJson,
} from './coded-http.exception';
import { HttpExceptionFilter } from './http-exception.filter';

/** Retell's bodies are small (arguments plus the call object); anything bigger is refused. */
export const RETELL_BODY_LIMIT_BYTES = 64 * 1024;

/** The request as the Retell routes see it: the exact bytes received, for the signature. */
export interface RequestWithRawBody extends Request {
  rawBody?: Buffer;
}

/**
 * Pipes, filter and body reading shared by bootstrap() and the end-to-end tests, so both
 * answer a request the same way.
 */
export function configureHttpEdge(app: INestApplication, logger?: LoggerService): void {
  app.use('/api/retell', ...retellBodyParser());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      transform: true,
      forbidUnknownValues: true,
      exceptionFactory: (errors) =>
        invalidBody('The request body has the wrong shape.', { fields: fieldsOf(errors) }),
    }),
  );
  app.useGlobalFilters(new HttpExceptionFilter(logger));
}

/**
 * JSON of at most 64 kB whatever the content type claims, its raw bytes kept on
 * `req.rawBody`; read errors become coded 400/413/415 answers. The application-wide parser
 * registered later skips a body already read.
 */
export function retellBodyParser() {
  const parse = json({
    limit: RETELL_BODY_LIMIT_BYTES,
    type: () => true,
    strict: true,
    inflate: false,
    verify: (req, _res, buf) => {
      (req as RequestWithRawBody).rawBody = Buffer.from(buf);
    },
  });
  // Named apart from express.json's "jsonParser": Nest skips its own application-wide JSON
  // parser when it finds a layer of that name, which would leave every other route unparsed.
  const retellJsonBody = (req: Request, res: Response, next: NextFunction): void =>
    parse(req, res, next);
  const translate = (error: unknown, _req: Request, _res: Response, next: NextFunction): void =>
    next(translateReadError(error));
  return [retellJsonBody, translate] as const;
}

function translateReadError(error: unknown): unknown {
  const e = error as { type?: string; status?: number } | null;
  switch (e?.type) {
    case 'entity.parse.failed':
      return malformedJson();
    case 'entity.too.large':
      return bodyTooLarge(RETELL_BODY_LIMIT_BYTES);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new CodedHttpException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'REQUEST.UNSUPPORTED_ENCODING',
        'The request body encoding is not supported.',
      );
    default:
      if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
        return new CodedHttpException(
          HttpStatus.BAD_REQUEST,
          'REQUEST.UNREADABLE',
          'The request body could not be read.',
        );
      }
      return error;
  }
}

function fieldsOf(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    return e.children && e.children.length > 0 ? fieldsOf(e.children, path) : [path];
  });
}
