import {
  type ClockFact,
  clockFactOf,
  evolveTicket,
  initialTicketState,
  type ResolutionKind,
  type Ticket,
  type TicketEvent,
  toEpochMs,
} from '@hotline/domain';
import { intern, leanClockFact, leanTicket, NONE } from '@hotline/platform';

export interface PenaltyClaimRecord {
  readonly claimId: string;
  readonly claimedAt: number;
  /** What the client asked for, when they said it; the provision is computed, never taken from here. */
  readonly claimedCents: number | null;
  readonly status: 'open' | 'settled' | 'waived';
  readonly settledAt: number | null;
  readonly settledCents: number | null;
  readonly waivedAt: number | null;
  readonly waivedReason: string | null;
}

export interface TimeEntry {
  readonly agentId: string;
  readonly minutes: number;
  readonly at: number;
}

export interface ResolutionRecord {
  readonly at: number;
  readonly how: ResolutionKind;
  readonly by: string;
  readonly articleId: string | null;
}

/**
 * What reporting keeps of one ticket: the domain's own fold of its stream (lean: attachments and
 * reproduction steps dropped, the description shortened) and the facts the SLA clock reads, so every
 * time-dependent figure is evaluated by the domain at query time rather than stored and left to go stale.
 */
export interface TicketRecord {
  readonly kind: 'ticket';
  readonly ticket: Ticket;
  readonly facts: readonly ClockFact[];
  readonly claims: readonly PenaltyClaimRecord[];
  readonly resolutions: readonly ResolutionRecord[];
  /** Articles linked, or cited by a workaround or a resolution, once each. */
  readonly articles: readonly string[];
  readonly minutesByAgent: Readonly<Record<string, number>>;
  /** Each time entry (who, how long, when), for time per period; absent until the ticket has one. */
  readonly timeEntries?: readonly TimeEntry[];
  readonly complaintsAt: readonly number[];
  readonly closedAt: number | null;
  /** Actor of the reception (a client contact or an upstream system). */
  readonly reportedBy: string | null;
}

const NO_MINUTES: TicketRecord['minutesByAgent'] = Object.freeze({});

// Enough to recognise a recurring problem and to show it in a list; the full text stays in the store.
const DESCRIPTION_LENGTH = 280;

const withArticle = (articles: readonly string[], articleId: string | undefined) =>
  articleId === undefined || articles.includes(articleId) ? articles : [...articles, articleId];

/** One more event of the ticket's stream; the record before the reception is undefined. */
export function foldTicketRecord(record: TicketRecord | undefined, event: TicketEvent): TicketRecord {
  const state = evolveTicket(record?.ticket ?? initialTicketState, event);
  if (state.status === 'none') throw new Error(`Ticket ${event.ticketId}: ${event.type} before its reception`);
  const fact = clockFactOf(event);
  const base: TicketRecord = record ?? {
    kind: 'ticket',
    ticket: state,
    facts: NONE,
    claims: NONE,
    resolutions: NONE,
    articles: NONE,
    minutesByAgent: NO_MINUTES,
    complaintsAt: NONE,
    closedAt: null,
    reportedBy: event.type === 'TicketReceived' ? intern(event.reportedBy) : null,
  };
  const next: TicketRecord = {
    ...base,
    ticket: leanTicket(state, { descriptionLength: DESCRIPTION_LENGTH }),
    facts: fact === null ? base.facts : [...base.facts, leanClockFact(fact)],
  };
  const at = toEpochMs(event.at);
  switch (event.type) {
    case 'PenaltyClaimed':
      return {
        ...next,
        claims: [
          ...next.claims,
          {
            claimId: event.claimId,
            claimedAt: at,
            claimedCents: event.amountCents ?? null,
            status: 'open',
            settledAt: null,
            settledCents: null,
            waivedAt: null,
            waivedReason: null,
          },
        ],
      };
    case 'PenaltySettled':
      return {
        ...next,
        claims: next.claims.map((claim) =>
          claim.claimId === event.claimId
            ? { ...claim, status: 'settled', settledAt: at, settledCents: event.amountCents }
            : claim,
        ),
      };
    case 'PenaltyWaived':
      return {
        ...next,
        claims: next.claims.map((claim) =>
          claim.claimId === event.claimId
            ? { ...claim, status: 'waived', waivedAt: at, waivedReason: event.reason }
            : claim,
        ),
      };
    case 'TicketResolved':
      return {
        ...next,
        resolutions: [
          ...next.resolutions,
          { at, how: event.how, by: intern(event.by), articleId: intern(event.articleId) ?? null },
        ],
        articles: withArticle(next.articles, event.articleId),
      };
    case 'WorkaroundProvided':
      return { ...next, articles: withArticle(next.articles, event.articleId) };
    case 'KnowledgeArticleLinked':
      return { ...next, articles: withArticle(next.articles, event.articleId) };
    case 'TimeRecorded':
      return {
        ...next,
        minutesByAgent: {
          ...next.minutesByAgent,
          [event.agentId]: (next.minutesByAgent[event.agentId] ?? 0) + event.minutes,
        },
        timeEntries: [...(next.timeEntries ?? []), { agentId: intern(event.agentId), minutes: event.minutes, at }],
      };
    case 'ComplaintFiled':
      return { ...next, complaintsAt: [...next.complaintsAt, at] };
    case 'TicketClosed':
      return { ...next, closedAt: at };
    default:
      return next;
  }
}
