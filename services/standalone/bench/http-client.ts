import { Agent, request } from 'node:http';

export interface Reply {
  readonly status: number;
  readonly body: string;
}

/**
 * JSON over keep-alive connections, one pool per target: node:http rather than fetch, whose
 * per-request overhead (streams, Headers objects) would take more of the two cores than the
 * product's own HTTP server does.
 */
export class HttpClient {
  readonly base: URL;
  readonly #agent: Agent;

  constructor(base: string, connections: number) {
    this.base = new URL(base);
    this.#agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  call(method: string, path: string, body?: unknown): Promise<Reply> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          agent: this.#agent,
          headers:
            payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  /** The JSON answer of a call that must succeed (seeding): anything else stops the run. */
  async ok(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const reply = await this.call(method, path, body);
    if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${reply.body}`);
    return reply.body.length === 0 ? {} : (JSON.parse(reply.body) as Record<string, unknown>);
  }

  close(): void {
    this.#agent.destroy();
  }
}
