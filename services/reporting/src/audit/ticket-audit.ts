import {
  type ClockFact,
  type ContractEvent,
  type ContractTerms,
  clockFactOf,
  clockTimelines,
  contractEventRegistry,
  contractYearOf,
  currentCoverage,
  dailyPenalty,
  evaluateSla,
  evolveContract,
  initialContractState,
  percentOf,
  readStored,
  type SignedContract,
  type TicketEvent,
  type TicketSla,
  termsInForce,
  ticketEventRegistry,
  ticketSla,
  toEpochMs,
} from '@hotline/domain';
import type { EventStore, RecordedEvent } from '@hotline/eventstore';
import { type ChainVerdict, verifyChains } from './chain-verdict.ts';
import { checkSlaEvent, type SlaEventCheck } from './sla-event-check.ts';

export interface TargetState {
  readonly target: string;
  readonly priority: string;
  readonly status: string;
  readonly dueAt: number | null;
  readonly reachedAt: number | null;
}

export interface AuditedEvent {
  readonly position: string;
  readonly stream: string;
  readonly revision: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly hash: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** After a ticket event: each target as the clock stood at the event's instant. */
  readonly targets: readonly TargetState[] | null;
  /** For a stored SLA event: whether it recomputes from the ticket's events recorded before it. */
  readonly slaCheck: SlaEventCheck | null;
}

export interface PenaltyStep {
  readonly step: string;
  readonly detail: string;
  readonly cents?: number;
}

export interface TicketAudit {
  readonly ticketId: string;
  readonly asOf: number;
  readonly coverage: TicketSla['coverage'];
  readonly contract: {
    readonly contractId: string;
    readonly clientId: string;
    readonly reference: string;
    readonly version: { readonly effectiveAt: number; readonly amendmentId: string | null };
    readonly currency: string;
    readonly annualFeeCents: number;
    readonly targets: ContractTerms['slaTargets'];
    readonly penaltyClause: ContractTerms['penaltyClause'];
  } | null;
  readonly timeline: readonly AuditedEvent[];
  readonly final: {
    readonly targets: readonly TargetState[];
    readonly resolvedAt: number | null;
    readonly resolutionDueAt: number | null;
    readonly overrunMs: number;
    readonly overrunDays: number;
    readonly withinDeadlines: boolean | null;
  };
  readonly penalty: {
    readonly steps: readonly PenaltyStep[];
    readonly amountCents: number;
    readonly contractYear: { readonly index: number; readonly startsOn: string; readonly endsBefore: string } | null;
  };
  readonly verdict: {
    readonly hashChain: ChainVerdict;
    readonly slaEvents: {
      readonly checked: number;
      readonly recomputed: number;
      readonly differing: number;
      readonly unverifiable: number;
    };
    readonly sound: boolean;
  };
}

export class TicketNotFound extends Error {}

const targetStates = (sla: TicketSla): TargetState[] =>
  sla.evaluation.targets.map((target) => ({
    target: target.target,
    priority: target.priority,
    status: target.status,
    dueAt: target.dueAt,
    reachedAt: target.reachedAt,
  }));

function domainTicketEvent(event: RecordedEvent): TicketEvent {
  return readStored(ticketEventRegistry, event) as TicketEvent;
}

async function contractOf(
  store: EventStore,
  contractId: string,
  recorded: (event: RecordedEvent) => boolean,
): Promise<SignedContract | undefined> {
  let state = initialContractState;
  for (const event of await store.readStream(`contract-${contractId}`)) {
    if (!recorded(event)) break;
    state = evolveContract(state, readStored(contractEventRegistry, event) as ContractEvent);
  }
  return state.status === 'none' ? undefined : state;
}

const cents = (amount: number, currency: string) => `${(amount / 100).toFixed(2)} ${currency}`;

function penaltySteps(sla: TicketSla, ticketId: string, asOf: number): TicketAudit['penalty'] {
  const steps: PenaltyStep[] = [];
  const terms = sla.terms;
  const resolution = sla.evaluation.targets.find((target) => target.target === 'resolution');
  const none = (detail: string) => ({
    steps: [...steps, { step: 'no penalty', detail }],
    amountCents: 0,
    contractYear: null,
  });
  if (terms === null) return none(`ticket ${ticketId} is ${sla.coverage.status}: no deadline, no penalty`);
  const clause = terms.penaltyClause;
  if (clause === null) return none('the contract has no penalty clause');
  steps.push({
    step: 'overrun',
    detail: `resolution due ${resolution?.dueAt == null ? 'never (paused)' : new Date(resolution.dueAt).toISOString()}, end ${new Date(sla.timeline.resolutionAt ?? sla.timeline.stoppedAt ?? asOf).toISOString()}: ${sla.evaluation.overrunMs} ms late, ${sla.evaluation.overrunDays} started day(s) of 24 h`,
  });
  if (resolution === undefined) return none('no resolution target applies');
  if (!clause.natures.includes(resolution.nature as 'malfunction')) {
    return none(`the clause applies to ${clause.natures.join(', ')}, not to ${resolution.nature}`);
  }
  const rate = clause.rates.find((each) => each.priority === resolution.priority);
  const perDay = dailyPenalty(clause, terms.annualFeeCents, resolution.priority);
  if (rate === undefined || perDay === null || perDay === 0) return none(`no rate for ${resolution.priority}`);
  const currency = terms.currency;
  steps.push({
    step: 'rate',
    detail:
      rate.kind === 'fixed'
        ? `${resolution.priority}: fixed ${cents(perDay, currency)} per day`
        : `${resolution.priority}: ${rate.percentPerDay} % of the annual fee ${cents(terms.annualFeeCents, currency)} = ${cents(perDay, currency)} per day`,
    cents: perDay,
  });
  const uncapped = perDay * sla.evaluation.overrunDays;
  steps.push({
    step: 'accrued',
    detail: `${sla.evaluation.overrunDays} day(s) × ${cents(perDay, currency)}`,
    cents: uncapped,
  });
  const cap = percentOf(terms.annualFeeCents, clause.perTicketCapPercent);
  const amount = Math.min(uncapped, cap);
  steps.push({
    step: 'ticket cap',
    detail: `${clause.perTicketCapPercent} % of the fee = ${cents(cap, currency)}: ${uncapped > cap ? 'applied' : 'not reached'}`,
    cents: amount,
  });
  const accruedAt = sla.timeline.resolutionAt ?? asOf;
  const year = contractYearOf(terms, accruedAt);
  steps.push({
    step: 'contract year',
    detail: `accrued ${new Date(accruedAt).toISOString()} (${sla.timeline.resolutionAt === null ? 'open: now' : 'resolution'}), contract year ${year.index + 1} from ${year.startsOn} to ${year.endsBefore}; the year cap of ${clause.perYearCapPercent} % (${cents(percentOf(terms.annualFeeCents, clause.perYearCapPercent), currency)}) is shared with the year's other tickets, earlier penalties first (GET /reports/penalties/tickets)`,
  });
  return {
    steps,
    amountCents: amount,
    contractYear: { index: year.index, startsOn: year.startsOn, endsBefore: year.endsBefore },
  };
}

/**
 * A ticket's history replayed for a penalty dispute: the ticket and SLA streams merged by global
 * position, the clock after every event, the terms in force, the overrun and the penalty step by
 * step, and whether the record can be trusted (hash chains intact, stored SLA events recompute).
 * With `asOf`, only what the store had recorded by then, judged then; otherwise everything, judged at `now`.
 */
export async function auditTicket(
  store: EventStore,
  ticketId: string,
  at: { readonly now: number; readonly asOf?: number | undefined },
): Promise<TicketAudit> {
  const asOf = at.asOf ?? at.now;
  const streams = [`ticket-${ticketId}`, `sla-${ticketId}`];
  const [ticketEvents, slaEvents] = await Promise.all(streams.map((stream) => store.readStream(stream)));
  const recorded = (event: RecordedEvent) => at.asOf === undefined || Date.parse(event.recordedAt) <= at.asOf;
  const merged = [...ticketEvents!.filter(recorded), ...slaEvents!.filter(recorded)].sort((a, b) =>
    a.position < b.position ? -1 : a.position > b.position ? 1 : 0,
  );
  if (!merged.some((event) => event.stream === streams[0])) throw new TicketNotFound(`No ticket ${ticketId}`);
  // The ticket's events parsed once, its clock facts read once and folded in one pass (`clockTimelines`):
  // after each event the SLA is evaluated with the timeline so far, as `ticketSla` would from scratch.
  const parsedTicketEvents = merged.filter((event) => event.stream === streams[0]).map(domainTicketEvent);
  const facts: ClockFact[] = [];
  const lastFact = parsedTicketEvents.map((event) => {
    const fact = clockFactOf(event);
    if (fact !== null) facts.push(fact);
    return facts.length - 1;
  });
  const timelines = clockTimelines(facts);
  const domainEvents: TicketEvent[] = [];
  const contracts = new Map<string, SignedContract | undefined>();
  const lookup = (id: string) => contracts.get(id);
  const slaSoFar = (now: number): TicketSla => {
    const timeline = timelines[lastFact[domainEvents.length - 1] ?? -1];
    if (timeline === undefined) return ticketSla(domainEvents, lookup, now);
    const coverage = currentCoverage(domainEvents);
    let terms: ContractTerms | null = null;
    if (coverage.status === 'covered' && coverage.contractId !== null) {
      const contract = lookup(coverage.contractId);
      if (contract === undefined)
        throw new Error(`Contract ${coverage.contractId} of a covered ticket was not provided`);
      terms = termsInForce(contract, timeline.receivedAt)?.terms ?? null;
    }
    return { coverage, terms, timeline, evaluation: evaluateSla(timeline, terms, now) };
  };
  const timeline: AuditedEvent[] = [];
  let sla: TicketSla | undefined;
  for (const event of merged) {
    let targets: TargetState[] | null = null;
    let slaCheck: SlaEventCheck | null = null;
    if (event.stream === streams[0]) {
      const domainEvent = parsedTicketEvents[domainEvents.length]!;
      domainEvents.push(domainEvent);
      const coverage = 'coverage' in domainEvent ? domainEvent.coverage : undefined;
      if (coverage?.contractId != null && !contracts.has(coverage.contractId)) {
        contracts.set(coverage.contractId, await contractOf(store, coverage.contractId, recorded));
      }
      sla = slaSoFar(toEpochMs(domainEvent.at));
      targets = targetStates(sla);
    } else {
      slaCheck = checkSlaEvent(event, domainEvents, lookup, slaSoFar);
    }
    timeline.push({
      position: event.position.toString(),
      stream: event.stream,
      revision: event.revision.toString(),
      type: event.type,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.actor,
      hash: event.hash,
      data: event.data,
      targets,
      slaCheck,
    });
  }
  const final = ticketSla(domainEvents, lookup, asOf);
  const contractId = final.coverage.contractId;
  const contract = contractId === null ? undefined : contracts.get(contractId);
  const version =
    final.terms === null || contract === undefined ? undefined : termsInForce(contract, final.timeline.receivedAt);
  const checks = timeline.flatMap((event) => (event.slaCheck === null ? [] : [event.slaCheck]));
  const hashChain = await verifyChains(store, streams);
  const differing = checks.filter((check) => check.verdict === 'differs').length;
  const resolution = final.evaluation.targets.find((target) => target.target === 'resolution');
  return {
    ticketId,
    asOf,
    coverage: final.coverage,
    contract:
      contract === undefined || version === undefined
        ? null
        : {
            contractId: contract.contractId,
            clientId: contract.clientId,
            reference: contract.reference,
            version: { effectiveAt: version.effectiveFrom, amendmentId: version.amendmentId },
            currency: version.terms.currency,
            annualFeeCents: version.terms.annualFeeCents,
            targets: version.terms.slaTargets,
            penaltyClause: version.terms.penaltyClause,
          },
    timeline,
    final: {
      targets: targetStates(final),
      resolvedAt: final.evaluation.resolvedAt,
      resolutionDueAt: resolution?.dueAt ?? null,
      overrunMs: final.evaluation.overrunMs,
      overrunDays: final.evaluation.overrunDays,
      withinDeadlines: final.evaluation.withinDeadlines,
    },
    penalty: penaltySteps(final, ticketId, asOf),
    verdict: {
      hashChain,
      slaEvents: {
        checked: checks.length,
        recomputed: checks.filter((check) => check.verdict === 'recomputes').length,
        differing,
        unverifiable: checks.filter((check) => check.verdict === 'unverifiable').length,
      },
      sound: hashChain.intact && differing === 0,
    },
  };
}
