import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { loggablePath } from './loggable-path';

/** What every log line of one request carries: its id, and on the phone path the call id. */
export interface RequestContext {
  readonly requestId: string;
  callId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Called once the Retell edge has resolved the real call id. */
export function noteCallId(callId: string): void {
  const context = storage.getStore();
  if (context) context.callId = callId;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Opens the request's context (an incoming X-Request-Id is kept when it looks like an id),
 * echoes the id, and logs one line when the answer is sent: method, path without query and
 * with personal segments redacted, status, duration. Bodies, queries and headers never reach the log.
 */
export function requestContextMiddleware(log: (line: Record<string, unknown>) => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.headers['x-request-id'];
    const requestId =
      typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    storage.run({ requestId }, () => {
      const context = storage.getStore();
      res.on('finish', () => {
        storage.run(context ?? { requestId }, () =>
          log({
            method: req.method,
            path: loggablePath(req.originalUrl ?? req.url),
            status: res.statusCode,
            ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
          }),
        );
      });
      next();
    });
  };
}
