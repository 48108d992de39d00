import { scrubText } from './scrub-text';

/** The admin API's (and every non-phone route's) code for a database that does not answer. */
export const DATABASE_UNAVAILABLE = 'DATABASE.UNAVAILABLE';

/** The phone agent's code for the same: nothing is wrong with what the caller said. */
export const SERVICE_TEMPORARILY_UNAVAILABLE = 'SERVICE.TEMPORARILY_UNAVAILABLE';

export const SERVICE_TEMPORARILY_UNAVAILABLE_MESSAGE =
  'Entschuldigung, ich komme gerade nicht an den Terminkalender. Bitte versuchen Sie es in ein paar Minuten noch einmal.';

/**
 * pg's and pg-pool's words for "no answer in time" and for a lost connection; they carry no
 * code. Pool: no free connection in time, a new one not open in time. Client: no reply within
 * query_timeout, the connection closed under a query or before it.
 */
const NO_ANSWER_MESSAGES = new Set([
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
  'Query read timeout',
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
]);

/** Node's socket errors on the way to the database. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a database that is there but cannot serve now: statement_timeout (57014), shutting
 * down or starting (57P01-57P03), out of connections or resources (class 53), a broken
 * connection (class 08).
 */
const UNAVAILABLE_SQLSTATE = /^(57014|57P0[123]|53\d{3}|08\d{3})$/;

interface ErrorShape {
  message?: unknown;
  code?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/**
 * Whether an error means "the database did not answer" rather than "it refused this": the
 * request can be tried again shortly, and nothing about it was wrong. Looks through TypeORM's
 * wrapper (driverError) and pg-pool's (cause).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { message, code, driverError, cause } = e as ErrorShape;
    if (typeof message === 'string' && NO_ANSWER_MESSAGES.has(message)) return true;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) {
      return true;
    }
    e = driverError ?? cause;
  }
  return false;
}

/** The driver's own words for a log line (never the statement or its parameters). */
export function databaseProblemOf(error: unknown): string {
  const outer = error as ErrorShape | null;
  const inner = (outer?.driverError ?? outer) as ErrorShape | null;
  const words = typeof inner?.message === 'string' ? inner.message : String(error);
  return scrubText(words).slice(0, 200);
}
