import type { AgentRecord } from '../projections/agent-record.ts';
import type { ArticleRecord } from '../projections/article-record.ts';
import type { ClientRecord } from '../projections/client-record.ts';
import type { ContractRecord } from '../projections/contract-record.ts';
import type { ObjectivesRecord } from '../projections/objectives-record.ts';
import type { ProductRecord } from '../projections/product-record.ts';
import type { RecordChangeListener, StoredRecord } from '../projections/record-store.ts';
import type { SlaRecord } from '../projections/sla-record.ts';
import type { TicketRecord } from '../projections/ticket-record.ts';
import { SteeringIndex } from '../steering/steering-index.ts';
import { BacklogTallies } from './backlog-tallies.ts';
import { ClaimTallies } from './claim-tallies.ts';
import { KnowledgeTallies } from './knowledge-tallies.ts';
import { ReceptionOrder } from './reception-order.ts';
import {
  type Judgement,
  judgementStableUntil,
  judgementValidUntil,
  judgeTicket,
  overrunAt,
} from './ticket-judgement.ts';
import { TicketTallies } from './ticket-tallies.ts';
import { VolumeTallies } from './volume-tallies.ts';

export interface TicketEntry {
  /** Its place in the view's `tickets` (the order they came in), which views that walk them all keep. */
  readonly place: number;
  readonly record: TicketRecord;
  /** Its stream's revision, as a number: a small integer inside the entry, where a bigint is an object of its own. */
  readonly revision: number;
  readonly receivedAt: number;
  /** The resolution that stands (none after a reopening), to pick a period's tickets without judging them. */
  readonly resolvedAt: number | null;
}

/** Enough for the pages of the ticket lists people read (a judgement is ~1 KB; every ticket's would be most of the view). */
const SETTLED_JUDGEMENTS_KEPT = 2_048;
/**
 * A hotline's open tickets all, whose judgements the queries (not the tallies, `judge`) read again
 * until they lapse; past that (a backlog of tens of thousands), the latest judged: the readings keep
 * what the aggregate views need, and a ticket judged again costs tens of microseconds.
 */
const OPEN_JUDGEMENTS_KEPT = 16_384;

/** How many judgements a view keeps, of open tickets and of settled ones. */
export interface JudgementsKept {
  readonly open: number;
  readonly settled: number;
}

/** `value` under `key` as the latest used, the first used dropped past `limit` (a Map keeps insertion order). */
function keepLatest<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value!);
}

interface CachedJudgement {
  readonly judgement: Judgement;
  readonly revision: number;
  readonly contractRevision: bigint | null;
  readonly evaluatedAt: number;
  readonly validUntil: number;
  /** Past `validUntil` and up to this, only the overrun moved: `overrunAt` reads it. */
  readonly stableUntil: number;
  /** The last such reading. */
  advanced?: Judgement;
}

/**
 * The query side: every record in memory (the memory store's own, or a mirror of Redis kept up to
 * date by its change feed), indexed for the views, with each ticket's judgement cached for as long
 * as the domain's answer cannot change (see `judgementValidUntil`).
 */
export class ReportingView implements RecordChangeListener {
  readonly tickets = new Map<string, TicketEntry>();
  readonly contracts = new Map<string, ContractRecord & { readonly revision: bigint }>();
  readonly agents = new Map<string, AgentRecord>();
  readonly articles = new Map<string, ArticleRecord>();
  readonly products = new Map<string, ProductRecord>();
  readonly clients = new Map<string, ClientRecord>();
  readonly objectives = new Map<number, ObjectivesRecord>();
  readonly slas = new Map<string, SlaRecord>();
  /** Billing, trainings, production documents and FAQ entries (issue #11). */
  readonly steering = new SteeringIndex();
  /** Tickets neither resolved nor ended: the only ones whose standing moves with the clock. */
  readonly open = new Set<string>();
  /** Tickets with penalty claims. */
  readonly claimed = new Set<string>();
  #claimedInOrder: string[] | undefined;
  #seen = 0;
  readonly #receivedAt = (ticketId: string) => this.tickets.get(ticketId)?.receivedAt ?? 0;
  #byReception = new ReceptionOrder();
  readonly #byClient = new Map<string, ReceptionOrder>();
  #openLatestFirst: string[] | undefined;
  /** Open tickets' judgements, until the answer can change: the latest used (`OPEN_JUDGEMENTS_KEPT`). */
  #judgements = new Map<string, CachedJudgement>();
  /**
   * Settled tickets' judgements, which never change: only the latest used are kept (the pages of the
   * ticket lists read them again and again); the tallies keep what they summed, not the judgement.
   */
  #settledJudgements = new Map<string, CachedJudgement>();
  readonly #tallies = new TicketTallies();
  readonly #volumes = new VolumeTallies();
  readonly #backlog = new BacklogTallies();
  readonly #knowledge = new KnowledgeTallies();
  readonly #claims = new ClaimTallies();
  readonly #kept: JudgementsKept;
  #position = 0n;

  constructor(options: { readonly judgementsKept?: JudgementsKept } = {}) {
    this.#kept = options.judgementsKept ?? { open: OPEN_JUDGEMENTS_KEPT, settled: SETTLED_JUDGEMENTS_KEPT };
  }

  /** The highest global position folded into the records this view holds. */
  get position(): bigint {
    return this.#position;
  }

  reset(): void {
    for (const map of [
      this.tickets,
      this.contracts,
      this.agents,
      this.articles,
      this.products,
      this.clients,
      this.slas,
    ])
      map.clear();
    this.objectives.clear();
    this.steering.clear();
    this.open.clear();
    this.claimed.clear();
    this.#claimedInOrder = undefined;
    this.#seen = 0;
    this.#openLatestFirst = undefined;
    this.#byReception = new ReceptionOrder();
    this.#byClient.clear();
    this.#judgements.clear();
    this.#settledJudgements.clear();
    this.#tallies.clear();
    this.#volumes.clear();
    this.#backlog.clear();
    this.#knowledge.clear();
    this.#claims.clear();
    this.#position = 0n;
  }

  change(_stream: string, stored: StoredRecord): void {
    if (stored.position > this.#position) this.#position = stored.position;
    const { record } = stored;
    switch (record.kind) {
      case 'ticket': {
        const { ticketId } = record.ticket;
        const receivedAt = Date.parse(record.ticket.receivedAt);
        const previous = this.tickets.get(ticketId);
        if (previous === undefined) this.#byReception.add(ticketId, receivedAt);
        const clientId = record.ticket.clientId;
        const previousClientId = previous?.record.ticket.clientId;
        if (previous === undefined || previousClientId !== clientId) {
          if (previous !== undefined && previousClientId !== undefined)
            this.#byClient.get(previousClientId)?.remove(ticketId, previous.receivedAt);
          if (clientId !== undefined) this.#clientOrder(clientId).add(ticketId, receivedAt);
        }
        const resolution = record.ticket.milestones.resolution;
        const isOpen = !['resolved', 'closed', 'rejected', 'cancelled'].includes(record.ticket.status);
        if (isOpen !== this.open.has(ticketId)) {
          if (isOpen) this.open.add(ticketId);
          else this.open.delete(ticketId);
          this.#openLatestFirst = undefined;
        }
        const entry: TicketEntry = {
          place: previous?.place ?? this.#seen++,
          record,
          revision: Number(stored.revision),
          receivedAt,
          resolvedAt: resolution === undefined ? null : Date.parse(resolution),
        };
        this.tickets.set(ticketId, entry);
        if (record.claims.length > 0 !== this.claimed.has(ticketId)) {
          if (record.claims.length > 0) this.claimed.add(ticketId);
          else this.claimed.delete(ticketId);
          this.#claimedInOrder = undefined;
        }
        this.#volumes.replace(previous, entry);
        this.#backlog.replace(previous?.record, record);
        this.#knowledge.replace(previous, entry);
        this.#claims.replace(entry);
        this.#tallies.ticketChanged(
          ticketId,
          previous?.record.ticket.coverage.contractId ?? null,
          record.ticket.coverage.contractId ?? null,
        );
        return;
      }
      case 'contract':
        this.contracts.set(record.contract.contractId, { ...record, revision: stored.revision });
        this.#tallies.contractChanged(record.contract.contractId);
        return;
      case 'agent':
        this.agents.set(record.agentId, record);
        return;
      case 'article':
        this.articles.set(record.articleId, record);
        return;
      case 'product':
        this.products.set(record.product, record);
        return;
      case 'client':
        this.clients.set(record.clientId, record);
        return;
      case 'objectives':
        this.objectives.set(record.year, record);
        return;
      case 'sla':
        this.slas.set(record.ticketId, record);
        return;
      default:
        this.steering.change(record, stored.revision);
        return;
    }
  }

  /** The tickets' tallies brought up to date with the records and with `now` (open tickets whose reading lapsed read again). */
  tallies(now: number): TicketTallies {
    this.#tallies.flush(this, now);
    return this.#tallies;
  }

  /** Tickets changed since the tallies were last brought up to date. */
  get changedCount(): number {
    return this.#tallies.changedCount;
  }

  /** Sums again at `now` at most `limit` of the tickets changed since (`TicketTallies.settleChanged`). */
  settleChanged(now: number, limit: number): void {
    this.#tallies.settleChanged(this, now, limit);
  }

  /** The tickets with claims in the order of `tickets`, sorted again once the set changed. */
  *claimedInOrder(): Generator<TicketEntry> {
    this.#claimedInOrder ??= [...this.claimed].sort(
      (a, b) => (this.tickets.get(a)?.place ?? 0) - (this.tickets.get(b)?.place ?? 0),
    );
    for (const ticketId of this.#claimedInOrder) {
      const entry = this.tickets.get(ticketId);
      if (entry !== undefined) yield entry;
    }
  }

  /** Open tickets read again since the start as their reading lapsed (the bench counts them per query). */
  get readingsRenewed(): number {
    return this.#tallies.readingsRenewed;
  }

  /** Tickets received per civil month along the activity view's dimensions (they read the records only). */
  volumes(): VolumeTallies {
    return this.#volumes;
  }

  /** Claims per month and client, for the clients that claimed (they read the records only). */
  claims(): ClaimTallies {
    return this.#claims;
  }

  /** Article uses and recurring problems per month, for the FAQ candidates (they read the records only). */
  knowledge(): KnowledgeTallies {
    return this.#knowledge;
  }

  /** Every ticket's openings and closings in order, for the backlog (they read the records only). */
  backlog(): BacklogTallies {
    return this.#backlog;
  }

  /** Tickets (of a client, or among some ids), latest reception first. */
  *latestFirst(
    keep?: (ticketId: string) => boolean,
    among?: { readonly clientId?: string | undefined },
  ): Generator<TicketEntry> {
    const order = among?.clientId === undefined ? this.#byReception : this.#byClient.get(among.clientId);
    if (order === undefined) return;
    for (const ticketId of order.latestFirst()) {
      if (keep !== undefined && !keep(ticketId)) continue;
      const entry = this.tickets.get(ticketId);
      if (entry !== undefined) yield entry;
    }
  }

  /** The open tickets, latest reception first: fewer than all tickets by far, sorted again once the set changed. */
  *openLatestFirst(keep?: (ticketId: string) => boolean): Generator<TicketEntry> {
    this.#openLatestFirst ??= [...this.open].sort((a, b) => {
      const byReception = this.#receivedAt(b) - this.#receivedAt(a);
      return byReception !== 0 ? byReception : a < b ? 1 : a > b ? -1 : 0;
    });
    for (const ticketId of this.#openLatestFirst) {
      if (keep !== undefined && !keep(ticketId)) continue;
      const entry = this.tickets.get(ticketId);
      if (entry !== undefined) yield entry;
    }
  }

  #clientOrder(clientId: string): ReceptionOrder {
    let order = this.#byClient.get(clientId);
    if (order === undefined) {
      order = new ReceptionOrder();
      this.#byClient.set(clientId, order);
    }
    return order;
  }

  /** The ticket judged by the domain at `now`, without the cache: counted time included, as of `now`. */
  judgeAfresh(entry: TicketEntry, now: number): Judgement {
    const contractId = entry.record.ticket.coverage.contractId;
    return judgeTicket(entry.record, contractId === null ? undefined : this.contracts.get(contractId), now);
  }

  /** The instant the ticket's cached judgement was evaluated at (what its counted time runs up to). */
  judgedAt(ticketId: string): number | undefined {
    return this.#cached(ticketId)?.evaluatedAt;
  }

  /** A ticket's judgement in whichever cache holds it (never both: `judge` moves it). */
  #cached(ticketId: string): CachedJudgement | undefined {
    return this.#judgements.get(ticketId) ?? this.#settledJudgements.get(ticketId);
  }

  /**
   * The ticket judged by the domain at `now`, from the cache while its answer cannot have changed.
   * `keep: 'if-held'` leaves a ticket the cache does not hold out of it: the tallies judge every
   * ticket as it changes, and caching those judgements would fill the cache with tickets no one
   * asked for, about 1 KB each kept for seconds and then dropped, the old generation's garbage.
   */
  judge(entry: TicketEntry, now: number, keep: 'always' | 'if-held' = 'always'): Judgement {
    const { ticket } = entry.record;
    const contractId = ticket.coverage.status === 'covered' ? ticket.coverage.contractId : null;
    const contract = contractId === null ? undefined : this.contracts.get(contractId);
    const contractRevision = contract?.revision ?? null;
    const cached = this.#cached(ticket.ticketId);
    if (
      cached !== undefined &&
      cached.revision === entry.revision &&
      cached.contractRevision === contractRevision &&
      cached.evaluatedAt <= now &&
      (now < cached.validUntil || now < cached.stableUntil)
    ) {
      this.#keep(ticket.ticketId, cached);
      if (now < cached.validUntil) return cached.judgement;
      cached.advanced = overrunAt(cached.judgement, now, cached.advanced);
      return cached.advanced;
    }
    const judgement = judgeTicket(entry.record, contract, now);
    if (cached === undefined && keep === 'if-held') return judgement;
    const made: CachedJudgement = {
      judgement,
      revision: entry.revision,
      contractRevision,
      evaluatedAt: now,
      validUntil: judgementValidUntil(judgement, now),
      stableUntil: judgementStableUntil(judgement, now),
    };
    // A ticket reopened or resolved since moves from one cache to the other.
    (made.validUntil === Number.POSITIVE_INFINITY ? this.#judgements : this.#settledJudgements).delete(ticket.ticketId);
    this.#keep(ticket.ticketId, made);
    return judgement;
  }

  /** The judgement kept as the latest used of its cache: the first used is the next to go. */
  #keep(ticketId: string, cached: CachedJudgement): void {
    if (cached.validUntil === Number.POSITIVE_INFINITY)
      keepLatest(this.#settledJudgements, ticketId, cached, this.#kept.settled);
    else keepLatest(this.#judgements, ticketId, cached, this.#kept.open);
  }
}
