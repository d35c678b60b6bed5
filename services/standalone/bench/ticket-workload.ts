import { randomUUID } from 'node:crypto';
import { acmeHelplineTerms, acmeMaintenanceTerms } from '@hotline/domain';
import { seededRandom } from '@hotline/platform';
import type { HttpClient } from './http-client.ts';

// The hotline the load runs on: eight clients under contract, six agents who know the products,
// and valid tickets of every kind (covered or not, complete or awaiting information) in the mix a
// hotline sees, so that triage, the SLA clock and the projections each do their real work.
const clients = ['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08'] as const;
const products = ['ERP', 'PAIE'] as const;
const agents = ['agent-ada', 'agent-bob', 'agent-cyd', 'agent-dan', 'agent-eve', 'agent-fay'] as const;

/** Contracts and agents, through intake's HTTP API; resolves once triage can dispatch to every agent. */
export async function seedHotline(intake: HttpClient, triage: HttpClient): Promise<void> {
  for (const [index, clientId] of clients.entries()) {
    const common = { clientId, effectiveFrom: '2026-01-01T00:00:00+01:00', by: 'sales' };
    await intake.ok('POST', '/contracts', {
      ...common,
      contractId: `${clientId}-M`,
      reference: `${clientId}-M-2026`,
      terms: { ...acmeMaintenanceTerms, products },
    });
    // Half the clients also buy the helpline: the other half's functional requests are billable.
    if (index % 2 === 0) {
      await intake.ok('POST', '/contracts', {
        ...common,
        contractId: `${clientId}-H`,
        reference: `${clientId}-H-2026`,
        terms: { ...acmeHelplineTerms, products },
      });
    }
  }
  for (const [index, agentId] of agents.entries()) {
    await intake.ok('POST', '/agents', { agentId, name: agentId, role: 'agent', by: 'manager-eve' });
    await intake.ok('PUT', `/agents/${agentId}/skills`, {
      // Two agents also know CRM, sold without contract: every ticket finds someone to take it.
      skills: [...products, ...(index < 2 ? ['CRM'] : [])].map((product, p) => ({
        product,
        level: (index + p) % 2 === 0 ? 'expert' : 'confirmed',
      })),
      by: 'manager-eve',
    });
  }
  const deadline = Date.now() + 60_000;
  for (;;) {
    const reply = await triage.call('GET', '/triage/agents');
    const seen = reply.status === 200 ? ((JSON.parse(reply.body) as { agents?: unknown[] }).agents?.length ?? 0) : 0;
    if (seen === agents.length) return;
    if (Date.now() > deadline) throw new Error(`triage sees ${seen} of ${agents.length} agents after a minute`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A stream of valid submissions, the same on every run for one seed; externalIds unique to the run. */
export function ticketSubmissions(seed = 20_260_101) {
  const random = seededRandom(seed);
  const run = randomUUID().slice(0, 8);
  let sequence = 0;
  return (): Record<string, unknown> => {
    sequence += 1;
    const clientId = random.pick(clients);
    const nature = random.weighted([
      ['malfunction', 60],
      ['functional', 25],
      ['evolution', 10],
      ['service', 5],
    ] as const);
    // One in twenty leaves the version out: still valid, it awaits the missing information.
    const complete = !random.chance(0.05);
    return {
      externalId: `bench-${run}-${sequence}`,
      clientId,
      // CRM is under no contract: an out-of-contract intervention, with no deadline.
      product: random.weighted([
        ['ERP', 60],
        ['PAIE', 35],
        ['CRM', 5],
      ] as const),
      ...(complete ? { version: `12.${Math.floor(random.between(0, 6))}` } : {}),
      environment: random.weighted([
        ['production', 50],
        ['preproduction', 20],
        ['test', 20],
        ['development', 10],
      ] as const),
      nature,
      priority: random.weighted([
        ['P1', 10],
        ['P2', 30],
        ['P3', 60],
      ] as const),
      description: `Bench request ${sequence}: invoices fail to post after the nightly batch`,
      ...(nature === 'malfunction' ? { reproductionSteps: 'Run the nightly batch, then post any invoice' } : {}),
      reportedBy: `contact-${clientId.toLowerCase()}`,
    };
  };
}
