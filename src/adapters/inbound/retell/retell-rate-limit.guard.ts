import {
  CanActivate,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { CodedHttpException } from '../../../common/coded-http.exception';
import { resolveCallId } from '../../../domain/call/call-id-resolver';
import { RetellSettings } from './retell-settings';
import { KeyLimit, MemorySlidingWindow, SlidingWindowLimiter } from './sliding-window.limiter';

export const RATE_LIMITER = Symbol('RetellRateLimiter');
const WINDOW_MS = 60_000;

const limited = (response: Response) => {
  response.setHeader('Retry-After', String(WINDOW_MS / 1000));
  return new CodedHttpException(
    HttpStatus.TOO_MANY_REQUESTS,
    'RETELL.RATE_LIMITED',
    'Zu viele Anfragen in kurzer Zeit. Bitte einen Moment warten und es dann noch einmal versuchen.',
  );
};

const clientOf = (request: Request): string =>
  request.ip ?? request.socket?.remoteAddress ?? 'unknown';

/**
 * Requests a minute per client address, before anything else is read, counted in this
 * instance's memory: a flood of unsigned requests is turned away without a round trip. The
 * count every instance shares is taken after the signature (RetellSharedRateGuard).
 */
@Injectable()
export class RetellClientRateGuard implements CanActivate {
  private readonly local = new MemorySlidingWindow();

  constructor(private readonly settings: RetellSettings) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const client = clientOf(http.getRequest<Request>());
    const allowed = await this.local.hit(
      client,
      this.settings.ratePerClient,
      WINDOW_MS,
      Date.now(),
    );
    if (!allowed) throw limited(http.getResponse<Response>());
    return true;
  }
}

const PER_CALL = Symbol('RetellRatePerCall');
/** Routes whose requests also count against their call's limit (the function calls). */
export const CountedPerCall = () => SetMetadata(PER_CALL, true);

/**
 * The limits every instance shares through the store, after the signature proved the request
 * is Retell's: per client address and, on function calls, per call id, in one round trip.
 * Requests without a resolvable call id are only limited per client.
 */
@Injectable()
export class RetellSharedRateGuard implements CanActivate {
  constructor(
    private readonly settings: RetellSettings,
    private readonly reflector: Reflector,
    @Inject(RATE_LIMITER) private readonly limiter: SlidingWindowLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const limits: KeyLimit[] = [
      { key: `client:${clientOf(request)}`, limit: this.settings.ratePerClient },
    ];
    const perCall = this.reflector.getAllAndOverride<boolean>(PER_CALL, [
      context.getHandler(),
      context.getClass(),
    ]);
    const callId = perCall ? callIdOfRequest(request) : null;
    if (callId !== null) limits.push({ key: `call:${callId}`, limit: this.settings.ratePerCall });
    if (!(await this.limiter.hitAll(limits, WINDOW_MS, Date.now()))) {
      throw limited(http.getResponse<Response>());
    }
    return true;
  }
}

/** The call id a function-call request is about, in either body mode; null when none is real. */
export function callIdOfRequest(request: Request): string | null {
  const body: unknown = request.body;
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  const { args, call } = record as { args?: unknown; call?: unknown };
  const argsRecord =
    typeof args === 'object' && args !== null && !Array.isArray(args)
      ? (args as Record<string, unknown>)
      : (record as Record<string, unknown>);
  const resolved = resolveCallId(
    argsRecord.call_id ?? argsRecord.callId ?? request.headers['x-retell-call-id'],
    call,
  );
  return resolved.ok ? resolved.value : null;
}
