import { Client } from 'pg';

/** A statement sent on a connection that was still busy with another one. */
export interface OverlappingQuery {
  readonly sql: string;
  readonly whileRunning: string;
}

export interface OverlappingQueryWatch {
  readonly overlaps: readonly OverlappingQuery[];
  stop(): void;
}

type Query = (this: Client, ...args: unknown[]) => unknown;

const sqlOf = (arg: unknown): string =>
  (typeof arg === 'string' ? arg : String((arg as { text?: unknown })?.text ?? '?'))
    .replace(/\s+/g, ' ')
    .slice(0, 120);

/**
 * Records every pg query sent on a client that has not answered the previous one yet: pg 8
 * queues it and warns ("Calling client.query() when the client is already executing a query"),
 * pg 9 refuses it. Watches every Client of this test file's pg module, pools' included.
 */
export function watchOverlappingQueries(): OverlappingQueryWatch {
  const overlaps: OverlappingQuery[] = [];
  const running = new WeakMap<Client, string[]>();
  const original = Client.prototype.query as unknown as Query;

  const watched: Query = function (this: Client, ...args) {
    const sql = sqlOf(args[0]);
    const busy = running.get(this) ?? [];
    running.set(this, busy);
    if (busy.length > 0) overlaps.push({ sql, whileRunning: busy[0] });
    busy.push(sql);
    const done = () => {
      const at = busy.indexOf(sql);
      if (at >= 0) busy.splice(at, 1);
    };
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (...a: unknown[]) => unknown;
      args[last] = (...a: unknown[]) => {
        done();
        return callback(...a);
      };
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      // Registered before the caller's own await, so the count drops before it goes on.
      (result as Promise<unknown>).then(done, done);
    } else if (result && typeof (result as { once?: unknown }).once === 'function') {
      const submitted = result as { once(event: string, listener: () => void): void };
      submitted.once('end', done);
      submitted.once('error', done);
    }
    return result;
  };
  (Client.prototype as unknown as { query: Query }).query = watched;
  return {
    overlaps,
    stop() {
      (Client.prototype as unknown as { query: Query }).query = original;
    },
  };
}
