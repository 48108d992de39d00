import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Level, Logger } from 'pino';
import { currentRequestContext } from './request-context';
import { scrubText, scrubValue } from './scrub-text';

/** Keys whose values never reach a log line, wherever pino meets them (one or two levels deep). */
const SENSITIVE_KEYS = [
  'name',
  'customer_name',
  'customerName',
  'firstName',
  'lastName',
  'phone',
  'phoneE164',
  'from_number',
  'to_number',
  'fromNumber',
  'toNumber',
  'callerNumber',
  'email',
  'apiKey',
  'api_key',
  'key',
  'token',
  'accessToken',
  'password',
  'secret',
  'signature',
  'authorization',
  'cookie',
];
const SENSITIVE_HEADERS = ['authorization', 'cookie', 'x-api-key', 'x-retell-signature'];

export const REDACT_PATHS: readonly string[] = [
  ...SENSITIVE_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
  ...SENSITIVE_HEADERS.flatMap((h) => [
    `headers["${h}"]`,
    `req.headers["${h}"]`,
    `request.headers["${h}"]`,
  ]),
];

export type LogLevelName = Level | 'silent';

export interface RedactingLoggerOptions {
  readonly level?: LogLevelName;
  /** Where the JSON lines go; standard output by default. */
  readonly destination?: DestinationStream;
}

/**
 * Nest's LoggerService on pino: one JSON object per line. Personal data is kept out twice:
 * pino's `redact` censors known keys, and every message and logged value passes the domain's
 * scrubber, which masks phone-number-like and e-mail-like text and redacts personal keys.
 */
export class RedactingLogger implements LoggerService {
  private readonly pino: Logger;

  constructor(options: RedactingLoggerOptions = {}) {
    this.pino = pino(
      {
        level: options.level ?? 'info',
        base: undefined,
        messageKey: 'msg',
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
        // Every line of a request names it, and on the phone path its call.
        mixin: () => {
          const context = currentRequestContext();
          return context ? { requestId: context.requestId, callId: context.callId } : {};
        },
      },
      options.destination ?? pino.destination({ dest: 1, sync: true }),
    );
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params, true);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params, true);
  }

  /** One access line per request (see request-context.ts). */
  request(line: Record<string, unknown>): void {
    if (this.pino.isLevelEnabled('info')) this.pino.info({ ...line, context: 'http' }, 'request');
  }

  /** Sends buffered lines out (pino writes asynchronously). */
  flush(): void {
    this.pino.flush();
  }

  private write(level: Level, message: unknown, params: unknown[], mayHaveStack = false): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const { context, stack, extra } = splitParams(params, mayHaveStack);
    const entry: Record<string, unknown> = {};
    if (context) entry.context = context;
    if (stack) entry.stack = scrubText(stack);
    if (extra.length > 0) entry.details = scrubValue(extra);
    if (message instanceof Error) {
      entry.err = { type: message.name, message: scrubText(message.message) };
      if (!stack && message.stack) entry.stack = scrubText(message.stack);
      this.pino[level](entry, scrubText(message.message));
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...entry, data: scrubValue(message) });
    } else {
      this.pino[level](entry, scrubText(String(message)));
    }
  }
}

/** Nest passes the context last, and for errors a stack trace before it. */
function splitParams(
  params: unknown[],
  mayHaveStack: boolean,
): { context?: string; stack?: string; extra: unknown[] } {
  const rest = [...params];
  let context: string | undefined;
  let stack: string | undefined;
  const last = rest[rest.length - 1];
  if (typeof last === 'string' && !(mayHaveStack && looksLikeStack(last))) {
    context = last;
    rest.pop();
  }
  if (mayHaveStack) {
    const index = rest.findIndex((p) => typeof p === 'string' || p === undefined);
    if (index >= 0) {
      stack = rest[index] as string | undefined;
      rest.splice(index, 1);
    }
  }
  return { context, stack, extra: rest };
}

const looksLikeStack = (text: string): boolean => /\n\s+at /.test(text);
