import type { ClockFact, Ticket } from '@hotline/domain';
import { intern } from './interned-text.ts';
import { SharedValues } from './shared-values.ts';

/** Shared by every kept ticket or record with nothing in one of its lists (they are never mutated). */
export const NONE: readonly never[] = Object.freeze([]);
const noneIfEmpty = <T>(list: readonly T[]): readonly T[] => (list.length === 0 ? NONE : list);
const NO_CLAIMS: Ticket['penaltyClaims'] = Object.freeze({});
const NO_MILESTONES: Ticket['milestones'] = Object.freeze({});

/** A few dozen verdicts (contracts × statuses × reasons) for every kept ticket: one frozen copy of each. */
const coverages = new SharedValues<Ticket['coverage']>(10_000);

/** The one frozen copy of a coverage verdict, for whatever keeps one a ticket in memory. */
export function sharedCoverage(coverage: Ticket['coverage']): Ticket['coverage'] {
  const key = `${coverage.status}\u0000${coverage.contractId ?? ''}${coverage.reason === undefined ? '' : `\u0000${coverage.reason}`}`;
  return coverages.share(key, () =>
    Object.freeze({ ...coverage, contractId: coverage.contractId === null ? null : intern(coverage.contractId) }),
  );
}

/**
 * The first `length` characters, in a string of their own: V8 makes a longer string's slice a view
 * that keeps the whole of it alive, so a cut description would still hold every character.
 */
function cut(text: string, length: number): string {
  return text.length <= length ? text : Buffer.from(text.slice(0, length), 'utf8').toString('utf8');
}

const isEmpty = (record: object) => Object.keys(record).length === 0;

/**
 * A ticket's state as a read model keeps it in memory for as long as the ticket lives (every open
 * ticket, or every ticket): attachments and reproduction steps dropped, the description cut to
 * `descriptionLength` characters (dropped at 0), the values it repeats (clients, products, natures…)
 * and its empty lists shared. It still evolves with `evolveTicket`, and is leaned again after.
 *
 * One literal names every field, those the ticket lacks as undefined (which JSON leaves out): V8
 * then keeps them all inside the object, where a copy made by spreads kept four there and the rest
 * in a property array of its own, one more object for each ticket every read model keeps.
 */
export function leanTicket(ticket: Ticket, { descriptionLength }: { readonly descriptionLength: number }): Ticket {
  const { description } = ticket;
  const lean: { readonly [K in keyof Required<Ticket>]: Ticket[K] } = {
    status: ticket.status,
    ticketId: ticket.ticketId,
    externalId: ticket.externalId,
    nature: intern(ticket.nature),
    priority: intern(ticket.priority),
    coverage: sharedCoverage(ticket.coverage),
    clientId: intern(ticket.clientId),
    product: intern(ticket.product),
    version: intern(ticket.version),
    environment: intern(ticket.environment),
    description: description === undefined || descriptionLength === 0 ? undefined : cut(description, descriptionLength),
    reproductionSteps: undefined,
    attachments: NONE,
    missing: noneIfEmpty(ticket.missing),
    assignee: intern(ticket.assignee),
    receivedAt: ticket.receivedAt,
    lastTransitionAt: ticket.lastTransitionAt,
    milestones: isEmpty(ticket.milestones) ? NO_MILESTONES : ticket.milestones,
    reopenCount: ticket.reopenCount,
    resumeStatus: ticket.resumeStatus,
    penaltyClaims: isEmpty(ticket.penaltyClaims) ? NO_CLAIMS : ticket.penaltyClaims,
    complaints: noneIfEmpty(ticket.complaints),
    linkedArticles: noneIfEmpty(ticket.linkedArticles),
    minutesSpent: ticket.minutesSpent,
  };
  return lean;
}

/**
 * A clock fact as a read model keeps it, a reception's nature and priority shared: JSON.parse gives
 * each event its own copy of a string longer than ten characters ('malfunction'). Requalifications
 * are too rare to matter.
 */
export function leanClockFact(fact: ClockFact): ClockFact {
  if (fact.kind !== 'received') return fact;
  return { kind: fact.kind, at: fact.at, nature: intern(fact.nature), priority: intern(fact.priority) };
}
