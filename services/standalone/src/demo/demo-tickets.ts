import {
  businessCalendar,
  type Environment,
  MINUTE_MS,
  type Nature,
  type Priority,
  type TicketCommand,
} from '@hotline/domain';
import type { SeededRandom } from '@hotline/platform';
import { demoAgents, demoClients, demoProblems, demoProducts } from './demo-catalogue.ts';

const calendar = businessCalendar({});
const business = (from: number, minutes: number) => calendar.add(from, Math.round(minutes) * MINUTE_MS);

export interface DemoTicket {
  readonly externalId: string;
  readonly submission: {
    clientId: string;
    product: string;
    version?: string;
    environment: Environment;
    nature: Nature;
    priority: Priority;
    description: string;
    reproductionSteps?: string;
    reportedBy: string;
  };
  readonly receivedAt: number;
  /** The ticket's later life, each command at its instant; the loader plays those already past. */
  readonly steps: readonly { at: number; command: (ticketId: string, at: string) => TicketCommand }[];
}

/**
 * One plausible ticket received at `receivedAt`: take-charge, sometimes a question to the client, a
 * workaround for blocking problems, a fix (late now and then), the client's confirmation, a reopening
 * from time to time, a penalty claim when it was late.
 */
export function demoTicket(random: SeededRandom, index: number, receivedAt: number): DemoTicket {
  const clientId = random.weighted(demoClients.map((client) => [client, client === 'UMBRELLA' ? 1 : 4] as const));
  const product = random.pick(demoProducts[clientId]);
  const nature = random.weighted<Nature>([
    ['malfunction', 70],
    ['functional', 20],
    ['evolution', 5],
    ['service', 5],
  ]);
  const priority = random.weighted<Priority>([
    ['P1', 10],
    ['P2', 35],
    ['P3', 55],
  ]);
  const environment = random.weighted<Environment>([
    ['production', 60],
    ['preproduction', 20],
    ['test', 20],
  ]);
  const incomplete = nature === 'malfunction' && random.chance(0.1);
  const agent = random.pick(demoAgents.filter((each) => each.skills.some((skill) => skill.product === product)));
  const contact = `contact-${clientId.toLowerCase()}`;
  const slow = random.chance(0.2);

  const steps: DemoTicket['steps'][number][] = [];
  let at = receivedAt;
  const then = (
    minutes: number,
    command: DemoTicket['steps'][number]['command'],
    basis: 'business' | 'calendar' = 'business',
  ) => {
    at = basis === 'business' ? business(at, minutes) : at + Math.round(minutes) * MINUTE_MS;
    steps.push({ at, command });
  };
  if (incomplete) {
    then(random.between(60, 600), (ticketId, when) => ({
      type: 'ProvideInformation',
      ticketId,
      version: '12.4',
      reproductionSteps: 'Voir capture jointe',
      by: contact,
      at: when,
    }));
  }
  const takeChargeWithin = { P1: [10, 50], P2: [30, 260], P3: [60, 520] }[priority];
  then(random.between(takeChargeWithin[0]!, takeChargeWithin[1]!), (ticketId, when) => ({
    type: 'TakeCharge',
    ticketId,
    assignee: agent.agentId,
    by: agent.agentId,
    at: when,
  }));
  if (random.chance(0.25)) {
    then(random.between(30, 240), (ticketId, when) => ({
      type: 'RequestCustomerInput',
      ticketId,
      question: 'Pouvez-vous nous envoyer les journaux ?',
      by: agent.agentId,
      at: when,
    }));
    then(random.between(60, 1_200), (ticketId, when) => ({
      type: 'RecordCustomerReply',
      ticketId,
      message: 'Journaux en pièce jointe',
      by: contact,
      at: when,
    }));
  }
  // Blocking problems get a workaround first, and fast: P1's workaround target is 4 hours of service.
  if (nature === 'malfunction' && (priority === 'P1' || (priority === 'P2' && random.chance(0.7)))) {
    const within = priority === 'P1' ? 150 : 600;
    then(random.between(30, within * (slow ? 2.5 : 1)), (ticketId, when) => ({
      type: 'ProvideWorkaround',
      ticketId,
      description: 'Contournement documenté',
      by: agent.agentId,
      at: when,
    }));
  }
  const resolveWithin =
    nature === 'functional' ? [60, 1_200] : { P1: [120, 600], P2: [300, 1_800], P3: [600, 5_000] }[priority];
  then(random.between(resolveWithin[0]!, resolveWithin[1]! * (slow ? 2.5 : 1)), (ticketId, when) => ({
    type: 'ResolveTicket',
    ticketId,
    how: nature === 'functional' ? 'answer' : 'fix',
    by: agent.agentId,
    at: when,
  }));
  if (random.chance(0.06)) {
    then(random.between(240, 1_200), (ticketId, when) => ({
      type: 'ReopenTicket',
      ticketId,
      reason: 'Le problème est revenu',
      by: contact,
      at: when,
    }));
    then(random.between(120, 900), (ticketId, when) => ({
      type: 'ResolveTicket',
      ticketId,
      how: 'fix',
      by: agent.agentId,
      at: when,
    }));
  }
  // Only clients under contract claim penalties: the others have no deadline to be late on.
  if (slow && nature === 'malfunction' && clientId !== 'UMBRELLA' && random.chance(0.4)) {
    then(random.between(120, 1_200), (ticketId, when) => ({
      type: 'ClaimPenalty',
      ticketId,
      claimId: `PC-${index}`,
      by: contact,
      at: when,
    }));
  }
  if (random.chance(0.8)) {
    then(random.between(120, 1_500), (ticketId, when) => ({
      type: 'CloseTicket',
      ticketId,
      reason: 'confirmed_by_client',
      by: contact,
      at: when,
    }));
  }

  const problem = random.pick(demoProblems[product] ?? ['Anomalie']);
  return {
    externalId: `DEMO-${String(index).padStart(4, '0')}`,
    submission: {
      clientId,
      product,
      ...(incomplete ? {} : { version: '12.4', reproductionSteps: 'Reproduit sur l’environnement du client' }),
      environment,
      nature,
      priority,
      description: problem,
      reportedBy: contact,
    },
    receivedAt,
    steps,
  };
}

/** Reception instants: a few requests a working day, during service hours, from `from` to `until`. */
export function receptionInstants(random: SeededRandom, from: number, until: number): number[] {
  const instants: number[] = [];
  for (let at = business(from, 0); at < until; ) {
    at = business(at, random.between(120, 600));
    if (at < until) instants.push(at);
  }
  return instants;
}
