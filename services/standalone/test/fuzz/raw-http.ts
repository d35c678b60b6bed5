import { Agent, request } from 'node:http';
import type { FuzzRequest } from './fuzz-requests.ts';

export interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

// One connection for requests in turn, several for requests at once.
const inTurn = new Agent({ keepAlive: true, maxSockets: 1 });
const atOnce = new Agent({ keepAlive: true, maxSockets: 16 });

/**
 * Sends exactly what it is given (node:http, not fetch, which would normalise the path and refuse
 * some headers). A server that answers early (a 413, a 431) may close the socket while the body is
 * still going out: the answer counts, the write error does not.
 */
export function send(base: URL, fuzzed: FuzzRequest, concurrently = false): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const body = fuzzed.body;
    const outgoing = request(
      {
        agent: concurrently ? atOnce : inTurn,
        host: base.hostname,
        port: base.port,
        method: fuzzed.method,
        path: fuzzed.url,
        headers: {
          ...fuzzed.headers,
          ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
        },
      },
      (incoming) => {
        answered = true;
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            contentType: String(incoming.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    outgoing.end(body);
  });
}

export function closeConnections(): void {
  inTurn.destroy();
  atOnce.destroy();
}
