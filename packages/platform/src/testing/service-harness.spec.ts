import { playWorkedExample, workedExamples } from '@hotline/domain';
import { ApiKeyDirectory, createApiKey } from '@hotline/runtime';
import { describe, expect, it } from 'vitest';
import type { HotlineService } from '../service/hotline-service.ts';
import { seedWorkedExamples } from './seed-worked-examples.ts';
import { serviceHarness } from './service-harness.ts';

const example = workedExamples[0]!;
const ticketId = playWorkedExample(example).events[0]!.ticketId;
const clientId = example.contracts[0]!.clientId;

const tickets = (): HotlineService => ({
  name: 'tickets',
  registerRoutes(app) {
    app.get(
      '/tickets/:ticketId',
      { config: { access: { roles: ['client'], client: { ticketId: 'params.ticketId' } } } },
      async () => ({ ok: true }),
    );
  },
  start: async () => {},
  stop: async () => {},
});

describe('the service harness with access control', () => {
  it("runs a service's routes under access control, tickets owned as its store says", async () => {
    const own = createApiKey({ role: 'client', clients: [clientId] }, new Date());
    const other = createApiKey({ role: 'client', clients: ['someone-else'] }, new Date());
    const harness = await serviceHarness(tickets, Date.now(), {
      access: { enabled: true, apiKeys: new ApiKeyDirectory([own.record, other.record]) },
    });
    await seedWorkedExamples(harness.store);
    const get = (key: string) =>
      harness.app.inject({ method: 'GET', url: `/tickets/${ticketId}`, headers: { 'x-api-key': key } });
    expect((await get(own.text)).statusCode).toBe(200);
    expect((await get(other.text)).statusCode).toBe(403);
    await harness.close();
  });
});
