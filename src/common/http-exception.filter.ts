import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  LoggerService,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { CodedHttpException } from './coded-http.exception';
import {
  DATABASE_UNAVAILABLE,
  databaseProblemOf,
  isDatabaseUnavailable,
  SERVICE_TEMPORARILY_UNAVAILABLE,
  SERVICE_TEMPORARILY_UNAVAILABLE_MESSAGE,
} from './database-unavailable';
import { loggablePath } from './loggable-path';
import { scrubText } from './scrub-text';

/** What the agent hears when something unexpected broke: it must always have a sentence. */
export const TEMPORARY_PROBLEM_MESSAGE =
  'Entschuldigung, da ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.';

/** Routes a phone agent calls during a live call: no error may leave it speechless. */
const SPOKEN_ROUTES = /^\/api\/retell(\/|$)/;

/** The agent's custom functions: answers it reads out, where a webhook only needs a status. */
const FUNCTION_ROUTES = /^\/api\/retell\/(function-call|functions\/)/;

/** Codes for HTTP refusals that did not bring their own (e.g. Nest's built-in ones). */
const CODE_BY_STATUS: Partial<Record<number, string>> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHORIZED',
  403: 'AUTH.FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** body-parser and raw-body report their refusals as plain errors with these fields. */
interface BodyReadError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/**
 * HTTP meaning, decided once at the edge:
 * - known refusals (HttpException, body-parser's 4xx, a CodedHttpException of any status off
 *   the phone path) keep their status, answered `{code, message}`;
 * - a database that does not answer is a 503 DATABASE.UNAVAILABLE, on the agent's functions a
 *   200 SERVICE.TEMPORARILY_UNAVAILABLE it can speak;
 * - anything else on /api/retell/* is a 200 the agent can speak (success false,
 *   INTERNAL.TEMPORARY), because a 5xx makes Retell retry and leaves the caller in silence;
 * - anything else elsewhere is a 500 `{code: 'INTERNAL'}` without details.
 * Unexpected errors are logged with the route template, never with the body.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: LoggerService = new Logger('HttpExceptionFilter')) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    if (response.headersSent) return;

    const path = (request.originalUrl ?? request.url ?? '').split('?')[0];
    const known = this.knownRefusal(exception, SPOKEN_ROUTES.test(path));
    if (known) {
      response.status(known.status).json(known.body);
      return;
    }

    if (isDatabaseUnavailable(exception)) {
      this.answerDatabaseUnavailable(request.method, path, exception, response);
      return;
    }
    this.logger.error(
      `unexpected error on ${request.method} ${loggablePath(path)}: ${describe(exception)}`,
      exception instanceof Error ? scrubText(exception.stack ?? '') : undefined,
    );
    if (SPOKEN_ROUTES.test(path)) {
      response.status(HttpStatus.OK).json({
        success: false,
        code: 'INTERNAL.TEMPORARY',
        message: TEMPORARY_PROBLEM_MESSAGE,
      });
      return;
    }
    response
      .status(HttpStatus.INTERNAL_SERVER_ERROR)
      .json({ code: 'INTERNAL', message: 'Internal error.' });
  }

  /**
   * The database did not answer in time: nothing the caller sent was wrong, and trying again
   * shortly may work. The agent gets words for it; other routes (webhooks included, which
   * Retell then sends again) a 503.
   */
  private answerDatabaseUnavailable(
    method: string,
    path: string,
    exception: unknown,
    response: Response,
  ): void {
    this.logger.warn(
      `database unavailable on ${method} ${loggablePath(path)}: ${databaseProblemOf(exception)}`,
    );
    if (FUNCTION_ROUTES.test(path)) {
      response.status(HttpStatus.OK).json({
        success: false,
        code: SERVICE_TEMPORARILY_UNAVAILABLE,
        message: SERVICE_TEMPORARILY_UNAVAILABLE_MESSAGE,
      });
      return;
    }
    response.status(HttpStatus.SERVICE_UNAVAILABLE).json({
      code: DATABASE_UNAVAILABLE,
      message: 'The database does not answer; try again shortly.',
    });
  }

  private knownRefusal(
    exception: unknown,
    spoken: boolean,
  ): { status: number; body: Record<string, unknown> } | null {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // A 5xx that carries its own code was decided (e.g. 503 "not ready"), not a surprise;
      // the phone agent still hears a sentence instead.
      const decided = exception instanceof CodedHttpException && !spoken;
      if (status >= 500 && !decided) return null;
      return { status, body: bodyOf(exception, status) };
    }
    const readError = exception as BodyReadError | null;
    const status = readError?.status ?? readError?.statusCode;
    if (
      typeof exception === 'object' &&
      exception !== null &&
      typeof status === 'number' &&
      status >= 400 &&
      status < 500 &&
      readError?.expose === true
    ) {
      return {
        status,
        body: {
          code: CODE_BY_STATUS[status] ?? 'REQUEST.INVALID',
          message: 'The request could not be read.',
        },
      };
    }
    return null;
  }
}

function bodyOf(exception: HttpException, status: number): Record<string, unknown> {
  const raw = exception.getResponse();
  const fallbackCode = CODE_BY_STATUS[status] ?? 'REQUEST.INVALID';
  if (typeof raw === 'string') return { code: fallbackCode, message: raw };
  const body = raw as Record<string, unknown>;
  const code = typeof body.code === 'string' ? body.code : fallbackCode;
  const message = Array.isArray(body.message)
    ? body.message.join('; ')
    : typeof body.message === 'string'
      ? body.message
      : exception.message;
  const { statusCode: _statusCode, error: _error, ...rest } = body;
  return { ...rest, code, message };
}

function describe(exception: unknown): string {
  if (exception instanceof Error) return scrubText(`${exception.name}: ${exception.message}`);
  return typeof exception;
}
