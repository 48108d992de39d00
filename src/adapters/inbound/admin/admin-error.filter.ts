import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  Conflict,
  Forbidden,
  InvalidInput,
  NotConfigured,
  NotFound,
} from '../../../application/admin/admin.errors';
import { IllegalTransition, ServiceMismatch } from '../../../domain/appointment/appointment.errors';
import { SlotTaken, Unavailable } from '../../../domain/availability/availability.errors';
import { InvalidSalonData } from '../../../domain/salon/salon.errors';
import { DomainError } from '../../../domain/shared/domain-error';
import {
  DATABASE_UNAVAILABLE,
  databaseProblemOf,
  isDatabaseUnavailable,
} from '../../../common/database-unavailable';
import { CodedHttpException } from '../../../common/coded-http.exception';
import { StoreRefusal, StoreRefusalCode } from '../../../application/ports/store-refusal.error';
import { AdminRefusal } from './admin-refusal';
import { AdminRateLimited } from './auth/admin-rate-limits';

interface Answer {
  status: number;
  body: { code: string; message: string } & Record<string, unknown>;
}

const BY_STATUS: Record<number, string> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHORIZED',
  403: 'AUTH.FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  422: 'REQUEST.UNPROCESSABLE',
  429: 'RATE_LIMITED',
};

/**
 * Refusals of the database that reach the edge despite the checks before them (races, odd
 * input). The others (a broken rule, a lost conflict) mean a gap in those checks: a 500.
 */
const BY_STORE_REFUSAL: Partial<Record<StoreRefusalCode, Answer>> = {
  'STORE.TIME_TAKEN': answer(409, 'AVAILABILITY.SLOT_TAKEN', 'The stylist is busy at that time.'),
  'STORE.DUPLICATE': answer(
    409,
    'CONFLICT.DUPLICATE',
    'Something with these values exists already.',
  ),
  'STORE.MISSING_REFERENCE': answer(
    409,
    'CONFLICT.REFERENCE',
    'This refers to something that does not exist.',
  ),
  'STORE.MALFORMED_VALUE': answer(400, 'REQUEST.INVALID', 'A value has the wrong form.'),
  'STORE.MALFORMED_TIME': answer(400, 'REQUEST.INVALID', 'A date or time has the wrong form.'),
  'STORE.TIME_OUT_OF_RANGE': answer(400, 'REQUEST.INVALID', 'A date or time is out of range.'),
  'STORE.NUMBER_OUT_OF_RANGE': answer(400, 'REQUEST.INVALID', 'A number is out of range.'),
  'STORE.VALUE_TOO_LONG': answer(400, 'REQUEST.INVALID', 'A value is too long.'),
};

function answer(status: number, code: string, message: string, extra = {}): Answer {
  return { status, body: { code, message, ...extra } };
}

export function statusOf(e: DomainError): number {
  if (e instanceof NotFound) return HttpStatus.NOT_FOUND;
  if (e instanceof Forbidden) return HttpStatus.FORBIDDEN;
  if (e instanceof SlotTaken || e instanceof Conflict || e instanceof IllegalTransition) {
    return HttpStatus.CONFLICT;
  }
  if (e instanceof Unavailable) return HttpStatus.UNPROCESSABLE_ENTITY;
  if (e instanceof NotConfigured) return HttpStatus.SERVICE_UNAVAILABLE;
  if (e instanceof InvalidInput || e instanceof InvalidSalonData || e instanceof ServiceMismatch) {
    return HttpStatus.BAD_REQUEST;
  }
  return HttpStatus.BAD_REQUEST;
}

function refusal(e: DomainError): Answer {
  const extra: Record<string, unknown> = {};
  if (e instanceof InvalidSalonData) extra.detail = e.detail;
  if (e instanceof Conflict || e instanceof InvalidInput) Object.assign(extra, e.details ?? {});
  // Operators read English like every other admin answer; German is for callers on the phone.
  return answer(statusOf(e), e.code, e.message, extra);
}

function httpAnswer(e: HttpException): Answer {
  const status = e.getStatus();
  const raw = e.getResponse();
  const body = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const code = typeof body.code === 'string' ? body.code : (BY_STATUS[status] ?? 'ERROR');
  const message = Array.isArray(body.message)
    ? body.message.join('; ')
    : typeof body.message === 'string'
      ? body.message
      : e.message;
  // A coded refusal from the shared edge (e.g. a forbidden key) keeps the fields it names.
  return answer(status, code, message, e instanceof CodedHttpException ? (e.details ?? {}) : {});
}

/**
 * HTTP meaning for the admin routes, decided in one place: domain and application refusals by
 * their kind (NOT_FOUND 404, SLOT_TAKEN and other conflicts 409, invalid data 400, other
 * availability refusals 422), HTTP refusals keep their status. Every body is `{code, message}`;
 * anything unexpected is a 500 without detail, logged without request data.
 */
@Catch()
export class AdminErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('AdminApi');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const { status, body } = this.translate(exception);
    if (exception instanceof AdminRateLimited) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(status).json(body);
  }

  private translate(exception: unknown): Answer {
    if (exception instanceof AdminRefusal) return refusal(exception.refusal);
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return httpAnswer(exception);
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`database unavailable: ${databaseProblemOf(exception)}`);
      return answer(503, DATABASE_UNAVAILABLE, 'The database does not answer; try again shortly.');
    }
    const stored = exception instanceof StoreRefusal ? BY_STORE_REFUSAL[exception.code] : undefined;
    if (stored) return stored;
    const e = exception as { code?: unknown; status?: number };
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      return answer(
        e.status,
        BY_STATUS[e.status] ?? 'REQUEST.INVALID',
        'The request could not be read.',
      );
    }
    const name = exception instanceof Error ? exception.constructor.name : typeof exception;
    const code = typeof e?.code === 'string' ? e.code : undefined;
    this.logger.error(`unexpected ${name}${code ? ` (${code})` : ''}`);
    return answer(500, 'INTERNAL', 'Internal error.');
  }
}
