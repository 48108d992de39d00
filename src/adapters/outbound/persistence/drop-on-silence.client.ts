import { Client, ClientConfig } from 'pg';

/** What pg answers when `query_timeout` passes without a reply from the server. */
export const NO_REPLY_IN_TIME = 'Query read timeout';

type SendQuery = (...args: unknown[]) => unknown;

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as Promise<unknown> | null)?.then === 'function';

/**
 * A pg client that closes its connection when a query gets no reply within `query_timeout`.
 * pg alone only stops waiting: the connection goes back to the pool with the unanswered query
 * still in front of every later one, and on a network that drops packets nothing but TCP
 * keep-alive (many minutes) would ever close it. Closed, the client reports an error, and the
 * pool discards it instead of lending it out again; new connections are opened once the
 * network is back. (Only the promise form is watched, the one TypeORM uses.)
 */
export class DropOnSilenceClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    (this as unknown as { query: SendQuery }).query = (...args: unknown[]) => {
      const result = (Client.prototype.query as unknown as SendQuery).apply(this, args);
      if (isPromise(result)) result.catch((error: unknown) => this.dropIfSilent(error));
      return result;
    };
  }

  private dropIfSilent(error: unknown): void {
    if (error instanceof Error && error.message === NO_REPLY_IN_TIME) {
      this.connection.stream.destroy();
    }
  }
}
