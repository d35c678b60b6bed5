import {
  acmeHelplineTerms,
  acmeMaintenanceTerms,
  agentEvent,
  type ContractTerms,
  knowledgeEvent,
  type TicketCommand,
  type TicketEvent,
  ticketDecider,
} from '@hotline/domain';
import type { EventStore } from '@hotline/eventstore';
import { seededRandom } from '@hotline/platform';
import { HotlineScenario } from './hotline-scenario.ts';

type Command = TicketCommand extends infer C ? (C extends { ticketId: string } ? Omit<C, 'ticketId'> : never) : never;

export interface HistoryOptions {
  readonly tickets: number;
  readonly clients?: number;
  /** The year's tickets are received from here… */
  readonly from: number;
  /** …to here; what would happen after `until` has not happened yet (those tickets stay open). */
  readonly until: number;
  readonly seed?: number;
  /** Tickets appended at once (group commit on SQLite). */
  readonly concurrency?: number;
  readonly onTicket?: (done: number) => void;
}

const random = seededRandom;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PRODUCTS = ['ERP', 'CRM', 'PAY', 'HR'];
const iso = (at: number) => new Date(at).toISOString();

function terms(base: ContractTerms, fee: number): ContractTerms {
  return { ...base, products: PRODUCTS as [string, ...string[]], annualFeeCents: fee };
}

/**
 * A simulated year of a hotline: clients with maintenance and helpline contracts on four products,
 * agents with skills, a few articles, and tickets whose lives go through the domain's decider
 * (take-charge, questions, workarounds, fixes, reopenings, closings, time, claims), about ten
 * events each.
 */
export async function writeHotlineHistory(store: EventStore, options: HistoryOptions): Promise<void> {
  const rng = random(options.seed ?? 42);
  const scenario = new HotlineScenario(store);
  const clients = Array.from({ length: options.clients ?? 20 }, (_, index) => `C${String(index + 1).padStart(3, '0')}`);
  const effectiveFrom = iso(options.from - DAY);
  for (const [index, clientId] of clients.entries()) {
    // One client in five has no helpline contract: its functional requests are billable.
    await scenario.sign(
      `${clientId}-M`,
      clientId,
      terms(acmeMaintenanceTerms, 1_200_000 + index * 100_000),
      effectiveFrom,
    );
    if (index % 5 !== 4)
      await scenario.sign(`${clientId}-H`, clientId, terms(acmeHelplineTerms, 300_000), effectiveFrom);
  }
  const agents = Array.from({ length: 12 }, (_, index) => `agent-${index + 1}`);
  for (const [index, agentId] of agents.entries()) {
    const at = iso(options.from - DAY);
    await scenario.append(`agent-${agentId}`, [
      agentEvent('AgentJoined', { agentId, name: `Agent ${index + 1}`, role: 'agent', by: 'manager', at }),
      agentEvent('SkillsDeclared', {
        agentId,
        skills: PRODUCTS.filter((_, product) => (index + product) % 3 !== 0).map((product) => ({
          product,
          level: 'confirmed' as const,
        })),
        by: 'manager',
        at,
      }),
    ]);
  }
  const articles = ['KB-1', 'KB-2', 'KB-3'];
  for (const articleId of articles) {
    await scenario.append(`article-${articleId}`, [
      knowledgeEvent('KnowledgeArticlePublished', {
        articleId,
        title: `How to ${articleId}`,
        body: 'Steps',
        products: ['ERP'],
        by: 'agent-1',
        at: iso(options.from - DAY),
      }),
    ]);
  }
  const problems = ['Invoices fail to post', 'Report export is empty', 'Login is slow', 'Payroll run stops'];
  const span = options.until - options.from;
  const concurrency = options.concurrency ?? 32;
  let pending: Promise<void>[] = [];
  for (let index = 0; index < options.tickets; index++) {
    const ticketId = `T-${String(index + 1).padStart(7, '0')}`;
    const receivedAt = options.from + Math.floor((index / options.tickets) * span + rng.between(0, HOUR));
    const commands = ticketLife(rng, scenario, {
      clientId: rng.pick(clients),
      receivedAt,
      until: options.until,
      agents,
      articles,
      problems,
    });
    pending.push(appendTicket(scenario, ticketId, commands));
    if (pending.length >= concurrency) {
      await Promise.all(pending);
      pending = [];
      options.onTicket?.(index + 1);
    }
  }
  await Promise.all(pending);
  options.onTicket?.(options.tickets);
}

async function appendTicket(scenario: HotlineScenario, ticketId: string, commands: readonly Command[]): Promise<void> {
  let state = ticketDecider.initialState;
  const events: TicketEvent[] = [];
  for (const command of commands) {
    const decision = ticketDecider.decide({ ...command, ticketId } as TicketCommand, state);
    if (!decision.ok) throw new Error(`${ticketId} ${command.type}: ${decision.error.code} ${decision.error.message}`);
    for (const event of decision.value) {
      events.push(event);
      state = ticketDecider.evolve(state, event);
    }
  }
  await scenario.append(`ticket-${ticketId}`, events);
}

interface Life {
  clientId: string;
  receivedAt: number;
  until: number;
  agents: readonly string[];
  articles: readonly string[];
  problems: readonly string[];
}

function ticketLife(rng: ReturnType<typeof random>, scenario: HotlineScenario, life: Life): Command[] {
  const nature = rng.chance(0.6)
    ? 'malfunction'
    : rng.chance(0.75)
      ? 'functional'
      : rng.chance(0.5)
        ? 'evolution'
        : 'service';
  const priority = rng.chance(0.1) ? 'P1' : rng.chance(0.35) ? 'P2' : 'P3';
  const commands: Command[] = [
    scenario.receive(life.clientId, iso(life.receivedAt), {
      nature,
      priority,
      product: rng.pick(PRODUCTS),
      environment: rng.chance(0.7) ? 'production' : 'test',
      description: rng.pick(life.problems),
    }),
  ];
  const agent = rng.pick(life.agents);
  let at = life.receivedAt;
  const step = (command: Command, after: number): boolean => {
    at += Math.max(MINUTE, Math.floor(after));
    if (at > life.until) return false;
    commands.push({ ...command, at: iso(at) } as Command);
    return true;
  };
  if (!step({ type: 'TakeCharge', assignee: agent, by: agent } as Command, rng.between(5 * MINUTE, 6 * HOUR)))
    return commands;
  if (rng.chance(0.3)) {
    if (!step({ type: 'RequestCustomerInput', question: 'Which one?', by: agent } as Command, rng.between(HOUR, DAY)))
      return commands;
    if (
      !step(
        { type: 'RecordCustomerReply', message: 'This one', by: `contact-${life.clientId}` } as Command,
        rng.between(HOUR, 3 * DAY),
      )
    )
      return commands;
  }
  if (
    rng.chance(0.4) &&
    !step({ type: 'ProvideWorkaround', description: 'Do it by hand', by: agent } as Command, rng.between(HOUR, 2 * DAY))
  )
    return commands;
  const articleId = rng.chance(0.2) ? rng.pick(life.articles) : undefined;
  const resolve = (after: number) =>
    step(
      {
        type: 'ResolveTicket',
        how: articleId === undefined ? 'fix' : 'answer',
        ...(articleId === undefined ? {} : { articleId }),
        by: agent,
      } as Command,
      after,
    );
  if (!resolve(rng.chance(0.15) ? rng.between(5 * DAY, 45 * DAY) : rng.between(2 * HOUR, 4 * DAY))) return commands;
  if (
    !step(
      {
        type: 'RecordTime',
        agentId: agent,
        minutes: 30 + Math.floor(rng.between(0, 240)),
        what: 'Analysis',
        by: agent,
      } as Command,
      MINUTE,
    )
  )
    return commands;
  if (rng.chance(0.08)) {
    if (
      !step(
        { type: 'ReopenTicket', reason: 'Still broken', by: `contact-${life.clientId}` } as Command,
        rng.between(HOUR, 5 * DAY),
      )
    )
      return commands;
    if (!resolve(rng.between(2 * HOUR, 3 * DAY))) return commands;
  }
  if (rng.chance(0.05) && commands[0]?.type === 'ReceiveTicket' && commands[0].coverage.status === 'covered') {
    const claimId = `claim-${Math.floor(rng.between(0, 1e9))}`;
    if (
      !step(
        { type: 'ClaimPenalty', claimId, amountCents: 10_000, by: `contact-${life.clientId}` } as Command,
        rng.between(HOUR, 5 * DAY),
      )
    )
      return commands;
    const settle = rng.chance(0.5)
      ? ({ type: 'SettlePenalty', claimId, amountCents: 8_000, by: 'manager' } as Command)
      : ({ type: 'WaivePenalty', claimId, reason: 'Goodwill', by: 'manager' } as Command);
    if (!step(settle, rng.between(DAY, 10 * DAY))) return commands;
  }
  step({ type: 'CloseTicket', reason: 'reopen_window_elapsed', by: 'system' } as Command, 11 * DAY);
  return commands;
}
