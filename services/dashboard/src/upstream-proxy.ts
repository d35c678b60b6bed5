import type { HttpServer } from '@hotline/runtime';
import { DASHBOARD_READERS } from './dashboard-access.ts';

/** Where the page's query APIs answer when they are not in this process (distributed mode). */
export interface Upstreams {
  /** Reporting's base URL: `/reports/…`, `/indicators/…`, `/audit/…`. */
  readonly reporting: string;
  /** The SLA clock's base URL: `/sla/…`, `/tickets/:ticketId/sla`. */
  readonly slaClock: string;
}

const PASSED_HEADERS = ['content-type', 'content-disposition', 'cache-control', 'www-authenticate', 'retry-after'];

/** The caller's credentials, passed on as they came: each service decides on its own routes. */
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key'] as const;

/**
 * The page reads its own origin; in distributed mode the dashboard process relays those reads (GET
 * only: the page never writes) to the services that own them, answers and problem documents as they
 * come, so the browser needs no other address and no CORS. The caller's credentials go along: with
 * AUTH=on the dashboard checks the reader's role, and the service that owns the route decides with
 * its own declaration (a report's scope, an auditor's reads) as if the page had called it directly.
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
    app.get(path, { schema: { hide: true }, config: { access: DASHBOARD_READERS } }, async (request, reply) => {
      const answer = await fetch(new URL(request.url, base), {
        headers: {
          accept: request.headers.accept ?? '*/*',
          'x-request-id': String(request.id),
          ...Object.fromEntries(
            CREDENTIAL_HEADERS.flatMap((name) => {
              const value = request.headers[name];
              return typeof value === 'string' ? [[name, value]] : [];
            }),
          ),
        },
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
