import type { Period } from '@hotline/domain';
import { inPeriod } from './periods.ts';
import type { ReportingView } from './reporting-view.ts';
import { volumeKey } from './volume-tallies.ts';

export interface ProductWorkload {
  readonly product: string;
  readonly received: number;
  /** Open now (received, not resolved, not ended), whatever the period. */
  readonly open: number;
  /** Agents still with the hotline who declared a skill on the product or completed its training. */
  readonly skilledAgents: number;
  readonly ticketsPerSkilledAgent: number | null;
  /** Contracts signed in the period that cover the product. */
  readonly newContracts: number;
  /** Few skilled agents for the load or for new contracts: train more (the thresholds are in docs/domain.md). */
  readonly needsTraining: boolean;
}

export interface WorkloadThresholds {
  readonly minSkilledAgents: number;
  readonly maxTicketsPerAgent: number;
}

/** Workload and skills per product: which products need more trained agents. */
export function productWorkloads(
  view: ReportingView,
  period: Period,
  thresholds: WorkloadThresholds,
): ProductWorkload[] {
  const products = new Set<string>(view.products.keys());
  const received = new Map<string, number>();
  const open = new Map<string, number>();
  const volumes = view.volumes();
  // Whole months: received from the volumes kept per month; any other period reads every ticket.
  const counts = volumes.countsOf(period);
  for (const product of volumes.products()) {
    products.add(product);
    const count = counts?.get(volumeKey('product', product));
    if (count !== undefined) received.set(product, count);
  }
  if (counts === null) {
    for (const entry of view.tickets.values()) {
      const { product } = entry.record.ticket;
      if (product !== undefined && inPeriod(period, entry.receivedAt))
        received.set(product, (received.get(product) ?? 0) + 1);
    }
  }
  // The open statuses are the view's open set.
  for (const ticketId of view.open) {
    const product = view.tickets.get(ticketId)?.record.ticket.product;
    if (product !== undefined) open.set(product, (open.get(product) ?? 0) + 1);
  }
  const newContracts = new Map<string, number>();
  for (const { contract, signedAt } of view.contracts.values()) {
    const terms = contract.versions[0]!.terms;
    for (const product of terms.products) products.add(product);
    if (!inPeriod(period, Date.parse(signedAt))) continue;
    for (const product of terms.products) newContracts.set(product, (newContracts.get(product) ?? 0) + 1);
  }
  const skilled = new Map<string, Set<string>>();
  const addSkilled = (product: string, agentId: string) => {
    const agents = skilled.get(product) ?? new Set<string>();
    agents.add(agentId);
    skilled.set(product, agents);
  };
  const present = (agentId: string) => {
    const agent = view.agents.get(agentId);
    return agent === undefined || agent.leftAt === null;
  };
  for (const agent of view.agents.values()) {
    if (agent.leftAt !== null) continue;
    for (const skill of agent.skills) addSkilled(skill.product, agent.agentId);
  }
  for (const product of view.products.values()) {
    for (const agentId of product.trainedAgents) if (present(agentId)) addSkilled(product.product, agentId);
  }
  return [...products]
    .map((product) => {
      const skilledAgents = skilled.get(product)?.size ?? 0;
      const receivedCount = received.get(product) ?? 0;
      const perAgent = skilledAgents === 0 ? null : receivedCount / skilledAgents;
      const contracts = newContracts.get(product) ?? 0;
      return {
        product,
        received: receivedCount,
        open: open.get(product) ?? 0,
        skilledAgents,
        ticketsPerSkilledAgent: perAgent,
        newContracts: contracts,
        needsTraining:
          (skilledAgents < thresholds.minSkilledAgents && (contracts > 0 || receivedCount > 0)) ||
          (perAgent !== null && perAgent > thresholds.maxTicketsPerAgent),
      };
    })
    .sort((a, b) => Number(b.needsTraining) - Number(a.needsTraining) || a.product.localeCompare(b.product));
}
