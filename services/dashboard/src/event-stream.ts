import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Bus, type Consumer, eventsTopic } from '@hotline/messaging';
import type { HttpServer, Logger } from '@hotline/runtime';
import { DASHBOARD_READERS } from './dashboard-access.ts';
import { streamCredentialFromCookie } from './stream-credential.ts';

/** What the page is told of each domain event: enough to know which panels to read again. */
export interface StreamedEvent {
  readonly type: string;
  readonly stream: string;
  readonly position: string;
  readonly occurredAt: string;
}

const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events at `/events/stream`: every domain event of support.events.v1, as it arrives.
 * Each process has a consumer group of its own (every replica must see every event for its own
 * browsers) that starts at new messages only: a page reads the present from the query API, then
 * follows what changes.
 */
export class EventStream {
  readonly #clients = new Set<ServerResponse>();
  readonly #bus: Bus;
  readonly #logger: Logger;
  #consumer: Consumer | undefined;
  #heartbeat: ReturnType<typeof setInterval> | undefined;

  constructor(bus: Bus, logger: Logger) {
    this.#bus = bus;
    this.#logger = logger;
  }

  get clients(): number {
    return this.#clients.size;
  }

  register(app: HttpServer): void {
    // Its own scope, so that the cookie hook runs for this route alone, before access control's.
    void app.register(async (scope) => {
      scope.addHook('onRequest', streamCredentialFromCookie);
      scope.get('/events/stream', { schema: { hide: true }, config: { access: DASHBOARD_READERS } }, (request, reply) =>
        this.#follow(request.raw, reply),
      );
    });
    // SSE connections are never idle: the server's close would wait for them forever.
    app.addHook('preClose', async () => this.#closeClients());
  }

  #follow(request: IncomingMessage, reply: { hijack(): void; readonly raw: ServerResponse }): void {
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'close',
      'x-accel-buffering': 'no',
    });
    response.write('retry: 2000\n: connected\n\n');
    this.#clients.add(response);
    request.on('close', () => this.#clients.delete(response));
  }

  async start(): Promise<void> {
    this.#consumer = await this.#bus.consume({
      group: `dashboard-${randomUUID()}`,
      topic: eventsTopic,
      fromBeginning: false,
      // No one watching (most of the time): the events go by unhandled.
      accepts: () => this.#clients.size > 0,
      handler: (message) => {
        this.publish({
          type: message.headers['event-type'],
          stream: message.headers.stream,
          position: message.headers.position,
          occurredAt: message.headers['occurred-at'],
        });
      },
    });
    this.#heartbeat = setInterval(() => this.#write(': heartbeat\n\n'), HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  publish(event: StreamedEvent): void {
    this.#write(`event: domain-event\ndata: ${JSON.stringify(event)}\n\n`);
  }

  async stop(): Promise<void> {
    clearInterval(this.#heartbeat);
    this.#closeClients();
    await this.#consumer?.stop();
  }

  #write(chunk: string): void {
    for (const client of this.#clients) {
      try {
        client.write(chunk);
      } catch (error) {
        this.#logger.debug({ err: error }, 'event stream client gone');
        this.#clients.delete(client);
      }
    }
  }

  #closeClients(): void {
    // Ended, and the socket let go once flushed: an open stream would hold the server's close forever.
    for (const client of this.#clients) {
      client.end();
      client.socket?.destroySoon();
    }
    this.#clients.clear();
  }
}
