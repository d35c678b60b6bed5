import type { Period, Ticket } from '@hotline/domain';
import { civilMonthIndexOf, wholeMonthsOf } from './periods.ts';
import type { TicketEntry } from './reporting-view.ts';

const PROBLEM_WORDS = 8;

/**
 * The description a client gives, reduced to what recurs: lower case, no accents, digits or
 * punctuation (order numbers, dates), its first words. Two tickets describing the same problem in
 * the same words fall together; the rule is documented in docs/domain.md.
 */
export function problemKey(description: string): string {
  return description
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z\s]+/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 2)
    .slice(0, PROBLEM_WORDS)
    .join(' ');
}

/** A recurring problem as the FAQ candidates group it: a product and its normalised description. */
export interface ProblemOf {
  readonly key: string;
  readonly product: string;
  readonly problem: string;
}

/** A ticket's problem, when it names a product and describes one (the recurring-problem rule). */
export function problemOf(ticket: Ticket): ProblemOf | null {
  if (ticket.description === undefined || ticket.product === undefined) return null;
  const problem = problemKey(ticket.description);
  return problem === '' ? null : { key: `${ticket.product}\u0000${problem}`, product: ticket.product, problem };
}

interface TicketKnowledge {
  readonly month: number;
  readonly clientId: string | null;
  readonly place: number;
  readonly articles: readonly string[];
  readonly problem: ProblemOf | null;
}

export interface ProblemTickets {
  readonly product: string;
  readonly problem: string;
  /** Ticket ids and their place in the view (the order the candidates list them in). */
  readonly tickets: Map<string, number>;
}

interface Bucket {
  readonly uses: Map<string, number>;
  readonly problems: Map<string, ProblemTickets>;
}

/** A period's recurring problem: its tickets counted, their ids gathered only when asked. */
export interface ProblemCount {
  readonly product: string;
  readonly problem: string;
  count: number;
  readonly parts: ProblemTickets[];
}

const emptyBucket = (): Bucket => ({ uses: new Map(), problems: new Map() });

/** Where a ticket's knowledge counts, from its entry and its problem. */
const knowledgeOf = (entry: TicketEntry, problem: ProblemOf | null): TicketKnowledge => ({
  month: civilMonthIndexOf(entry.receivedAt),
  clientId: entry.record.ticket.clientId ?? null,
  place: entry.place,
  articles: entry.record.articles,
  problem: entry.record.articles.length > 0 ? null : problem,
});

const sameKnowledge = (a: TicketKnowledge, b: TicketKnowledge) =>
  a.month === b.month &&
  a.clientId === b.clientId &&
  a.place === b.place &&
  a.problem === b.problem &&
  a.articles.length === b.articles.length &&
  a.articles.every((articleId, index) => articleId === b.articles[index]);

/**
 * Article uses and recurring problems per civil month of reception (and client), kept as tickets
 * change: the FAQ candidates of whole months sum counts per article and per problem, and gather the
 * ticket ids of the problems they keep only.
 */
export class KnowledgeTallies {
  /** Each ticket's problem (what takes the most work out of a description), while its words stay the same. */
  readonly #problemOf = new Map<string, ProblemOf | null>();
  /** One object per recurring problem, shared by its tickets. */
  readonly #problems = new Map<string, ProblemOf>();
  readonly #months = new Map<number, { readonly all: Bucket; readonly byClient: Map<string, Bucket> }>();

  clear(): void {
    this.#problemOf.clear();
    this.#problems.clear();
    this.#months.clear();
  }

  /**
   * A ticket's new entry: the share of its former entry (if any) taken out, the new one put in (its
   * problem worked out again only if its words changed).
   */
  replace(previous: TicketEntry | undefined, entry: TicketEntry): void {
    const { ticket } = entry.record;
    const former = previous === undefined ? undefined : this.#problemOf.get(ticket.ticketId);
    const problem =
      previous !== undefined &&
      former !== undefined &&
      previous.record.ticket.description === ticket.description &&
      previous.record.ticket.product === ticket.product
        ? former
        : this.#shared(problemOf(ticket));
    const knowledge = knowledgeOf(entry, problem);
    this.#problemOf.set(ticket.ticketId, problem);
    if (previous !== undefined && former !== undefined) {
      const formerKnowledge = knowledgeOf(previous, former);
      // Most changes (an assignment, a reply) move nothing here: the tickets of a recurring problem
      // are a map of thousands, each taken out and put back for nothing.
      if (sameKnowledge(formerKnowledge, knowledge)) return;
      this.#tally(ticket.ticketId, formerKnowledge, -1);
    }
    this.#tally(ticket.ticketId, knowledge, 1);
  }

  #shared(problem: ProblemOf | null): ProblemOf | null {
    if (problem === null) return null;
    const known = this.#problems.get(problem.key);
    if (known !== undefined) return known;
    this.#problems.set(problem.key, problem);
    return problem;
  }

  /** The uses and problems of a period (of a client); null when it is not whole months. */
  countsOf(
    period: Period,
    clientId?: string,
  ): { uses: Map<string, number>; problems: Map<string, ProblemCount> } | null {
    const months = wholeMonthsOf(period);
    if (months === null) return null;
    const uses = new Map<string, number>();
    const problems = new Map<string, ProblemCount>();
    for (let month = months.first; month < months.end; month++) {
      const bucket = this.#months.get(month);
      const part = clientId === undefined ? bucket?.all : bucket?.byClient.get(clientId);
      if (part === undefined) continue;
      for (const [articleId, count] of part.uses) uses.set(articleId, (uses.get(articleId) ?? 0) + count);
      for (const [key, tickets] of part.problems) {
        const counted = problems.get(key);
        if (counted === undefined)
          problems.set(key, {
            product: tickets.product,
            problem: tickets.problem,
            count: tickets.tickets.size,
            parts: [tickets],
          });
        else {
          counted.count += tickets.tickets.size;
          counted.parts.push(tickets);
        }
      }
    }
    return { uses, problems };
  }

  #tally(ticketId: string, knowledge: TicketKnowledge, sign: 1 | -1): void {
    let month = this.#months.get(knowledge.month);
    if (month === undefined) {
      month = { all: emptyBucket(), byClient: new Map() };
      this.#months.set(knowledge.month, month);
    }
    const buckets = [month.all];
    if (knowledge.clientId !== null) {
      let client = month.byClient.get(knowledge.clientId);
      if (client === undefined) {
        client = emptyBucket();
        month.byClient.set(knowledge.clientId, client);
      }
      buckets.push(client);
    }
    for (const bucket of buckets) {
      for (const articleId of knowledge.articles) {
        const count = (bucket.uses.get(articleId) ?? 0) + sign;
        if (count === 0) bucket.uses.delete(articleId);
        else bucket.uses.set(articleId, count);
      }
      const { problem } = knowledge;
      if (problem === null) continue;
      let tickets = bucket.problems.get(problem.key);
      if (tickets === undefined) {
        tickets = { product: problem.product, problem: problem.problem, tickets: new Map() };
        bucket.problems.set(problem.key, tickets);
      }
      if (sign === 1) tickets.tickets.set(ticketId, knowledge.place);
      else tickets.tickets.delete(ticketId);
      if (tickets.tickets.size === 0) bucket.problems.delete(problem.key);
    }
  }
}

/**
 * The `count` latest tickets of a problem, latest reception first (then latest in the view). The
 * parts are months in ascending order: walked from the last, a month older than `count` tickets
 * already found cannot hold a later one, so only the latest months are read.
 */
export function latestProblemTickets(
  counted: ProblemCount,
  receivedAt: (ticketId: string) => number,
  count: number,
): string[] {
  const latest: { ticketId: string; receivedAt: number; place: number }[] = [];
  const later = (a: { receivedAt: number; place: number }, b: { receivedAt: number; place: number }) =>
    a.receivedAt > b.receivedAt || (a.receivedAt === b.receivedAt && a.place > b.place);
  for (let index = counted.parts.length - 1; index >= 0 && latest.length < count; index--) {
    for (const [ticketId, place] of counted.parts[index]!.tickets) {
      const candidate = { ticketId, receivedAt: receivedAt(ticketId), place };
      if (latest.length === count && !later(candidate, latest[count - 1]!)) continue;
      let at = latest.length === count ? count - 1 : latest.length;
      if (latest.length === count) latest.pop();
      while (at > 0 && later(candidate, latest[at - 1]!)) at--;
      latest.splice(at, 0, candidate);
    }
  }
  return latest.map((each) => each.ticketId);
}

/** Every ticket of a problem, latest reception first (then latest in the view). */
export function problemTicketIds(counted: ProblemCount, receivedAt: (ticketId: string) => number): string[] {
  return counted.parts
    .flatMap((part) => [...part.tickets].map(([ticketId, place]) => ({ ticketId, place, at: receivedAt(ticketId) })))
    .sort((a, b) => b.at - a.at || b.place - a.place)
    .map((each) => each.ticketId);
}
