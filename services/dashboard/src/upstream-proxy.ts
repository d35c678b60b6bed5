import type { HttpServer } from '@hotline/runtime';

/** Where the page's query APIs answer when they are not in this process (distributed mode). */
export interface Upstreams {
  /** Reporting's base URL: `/reports/…`, `/indicators/…`, `/audit/…`. */
  readonly reporting: string;
  /** The SLA clock's base URL: `/sla/…`, `/tickets/:ticketId/sla`. */
  readonly slaClock: string;
}

const PASSED_HEADERS = ['content-type', 'content-disposition', 'cache-control'];

/**
 * The page reads its own origin; in distributed mode the dashboard process relays those reads (GET
 * only: the page never writes) to the services that own them, answers and problem documents as they
 * come, so the browser needs no other address and no CORS.
 */
export function registerUpstreamProxy(app: HttpServer, upstreams: Upstreams): void {
  const routes: [string, string][] = [
    ['/reports/*', upstreams.reporting],
    ['/indicators/*', upstreams.reporting],
    ['/audit/*', upstreams.reporting],
    ['/sla/*', upstreams.slaClock],
    ['/tickets/:ticketId/sla', upstreams.slaClock],
  ];
  for (const [path, base] of routes) {
    app.get(path, { schema: { hide: true } }, async (request, reply) => {
      const answer = await fetch(new URL(request.url, base), {
        headers: { accept: request.headers.accept ?? '*/*', 'x-request-id': String(request.id) },
      });
      reply.code(answer.status);
      for (const name of PASSED_HEADERS) {
        const value = answer.headers.get(name);
        if (value !== null) reply.header(name, value);
      }
      return reply.send(Buffer.from(await answer.arrayBuffer()));
    });
  }
}
