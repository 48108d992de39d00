import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { resolverLookup, type ResolveHost } from './calcom-host-resolver';

export interface TransportRequest {
  readonly url: URL;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal: AbortSignal;
  /** A host the operator listed: connected to whatever its address (no guarded lookup). */
  readonly allowListed: boolean;
}

export interface TransportResponse {
  readonly status: number;
  header(name: string): string | null;
  readonly text: string;
}

export interface CalcomTransport {
  /** Sends one request to Cal.com; rejects on network failures, resolves on any HTTP answer. */
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Closes the idle kept-alive connections. */
  close(): void;
}

/** Larger answers are cut off: a booking page of 100 is far below, a hostile host is not. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/**
 * node:http(s) with keep-alive agents. The agents for hosts not on the operator's allow-list
 * resolve names through the guarded lookup, so every connection goes to an address checked
 * at that moment (IP literals are checked before the request, since sockets skip the lookup
 * for them).
 */
export function nodeTransport(resolveHost: ResolveHost): CalcomTransport {
  const checked = resolverLookup(resolveHost, true);
  const unchecked = resolverLookup(resolveHost, false);
  const guarded = {
    http: new HttpAgent({ keepAlive: true, lookup: checked }),
    https: new HttpsAgent({ keepAlive: true, lookup: checked }),
  };
  const listed = {
    http: new HttpAgent({ keepAlive: true, lookup: unchecked }),
    https: new HttpsAgent({ keepAlive: true, lookup: unchecked }),
  };
  const send = (request: TransportRequest): Promise<TransportResponse> => {
    const agents = request.allowListed ? listed : guarded;
    const secure = request.url.protocol === 'https:';
    const open = secure ? httpsRequest : httpRequest;
    return new Promise<TransportResponse>((resolve, reject) => {
      const req = open(
        request.url,
        {
          method: request.method,
          headers: request.headers,
          agent: secure ? agents.https : agents.http,
          signal: request.signal,
        },
        (res) => readAnswer(res).then(resolve, reject),
      );
      req.on('error', reject);
      req.end(request.body);
    });
  };
  const close = () => {
    for (const agent of [guarded.http, guarded.https, listed.http, listed.https]) agent.destroy();
  };
  return { send, close };
}

function readAnswer(res: IncomingMessage): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES) {
        res.destroy(new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    res.on('error', reject);
    res.on('aborted', () => reject(new Error('answer aborted')));
    res.on('close', () => {
      if (!res.complete) reject(new Error('answer cut off'));
    });
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({
        status: res.statusCode ?? 0,
        header: (name) => {
          const value = res.headers[name.toLowerCase()];
          return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
        },
        text,
      });
    });
  });
}
