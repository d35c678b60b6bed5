import { Environment, Nature } from '@hotline/domain';
import type { HttpServer } from '@hotline/runtime';
import { PAGE } from './dashboard-access.ts';

/**
 * The filters' fixed choices, from the domain's own enums, so that the page offers exactly what the
 * query APIs accept; the page labels them in its languages. Clients and products come from the
 * projections (what the hotline has seen), not from here.
 */
export function registerFilterChoices(app: HttpServer): void {
  const choices = { natures: Nature.options, environments: Environment.options };
  app.get('/dashboard/choices.json', { schema: { hide: true }, config: { access: PAGE } }, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').send(choices),
  );
}
