import { type CloseTicket, reopenWindowEnd, ticketDecider, toEpochMs, toInstant } from '@hotline/domain';
import { type EventStore, handleCommand } from '@hotline/eventstore';
import { streams } from '@hotline/platform';
import type { Logger } from '@hotline/runtime';
import { reopenWindowDaysOf } from './reopen-window-days.ts';
import type { ResolvedTicket, ResolvedTickets } from './resolved-tickets.ts';

export interface ClosingRound {
  /** Tickets closed by this round (or found closed by an earlier round's identical command). */
  readonly closed: readonly string[];
  /** Tickets that could not be closed, tried again after the retry delay. */
  readonly failed: readonly { readonly ticketId: string; readonly code: string }[];
  /** When the next window ends (epoch ms), or the next retry is due; undefined when nothing waits. */
  readonly nextDueAt?: number;
}

export interface ElapsedCloserOptions {
  readonly store: EventStore;
  readonly tickets: ResolvedTickets;
  readonly logger: Logger;
  /** Who closes: the service, as the ticket's history will say. */
  readonly actor: string;
  readonly retryDelayMs: number;
}

export interface ElapsedCloser {
  closeElapsed(now: number): Promise<ClosingRound>;
}

/**
 * Closes the resolved tickets whose reopen window has elapsed (DOMAIN.md: "automatically after the
 * contract's delay"). The command id names the ticket and its resolution, so two closers (two
 * replicas, a retried round) close a ticket once, and a ticket reopened then resolved again gets a
 * new window and a new command.
 */
export function elapsedCloser(options: ElapsedCloserOptions): ElapsedCloser {
  const { store, tickets, logger, actor, retryDelayMs } = options;
  const windows = new Map<string, number | undefined>();
  const retryAt = new Map<string, number>();
  const keyOf = (ticket: ResolvedTicket) => `${ticket.ticketId}:${ticket.resolvedAt}`;

  // Tickets reopened or ended since the last round leave their memos behind.
  function forgetAllBut(current: ReadonlySet<string>) {
    for (const memo of [windows, retryAt]) {
      for (const key of memo.keys()) if (!current.has(key)) memo.delete(key);
    }
  }

  async function windowDaysOf(ticket: ResolvedTicket): Promise<number | undefined> {
    const key = keyOf(ticket);
    if (!windows.has(key)) windows.set(key, await reopenWindowDaysOf(store, ticket));
    return windows.get(key);
  }

  async function close(ticket: ResolvedTicket, days: number | undefined, now: number) {
    const command: CloseTicket = {
      type: 'CloseTicket',
      ticketId: ticket.ticketId,
      reason: 'reopen_window_elapsed',
      ...(days === undefined ? {} : { reopenWindowDays: days }),
      by: actor,
      at: toInstant(now),
    };
    try {
      const outcome = await handleCommand(store, {
        stream: streams.ticket(ticket.ticketId),
        decider: ticketDecider,
        command,
        // The command id names the ticket: its events' ids are its stream's own.
        context: { commandId: `autoclose:${ticket.ticketId}:${ticket.resolvedAt}`, actor, idsUniqueIn: 'stream' },
      });
      return outcome.ok ? undefined : outcome.error.code;
    } catch (error) {
      logger.error({ err: error, ticketId: ticket.ticketId }, 'closing a ticket whose reopen window elapsed failed');
      return error instanceof Error && 'code' in error && typeof error.code === 'string'
        ? error.code
        : 'closing.failed';
    }
  }

  return {
    async closeElapsed(now) {
      const closed: string[] = [];
      const failed: { ticketId: string; code: string }[] = [];
      let nextDueAt: number | undefined;
      const candidates = tickets.resolved();
      forgetAllBut(new Set(candidates.map(keyOf)));
      const dueAt = (at: number) => {
        nextDueAt = nextDueAt === undefined ? at : Math.min(nextDueAt, at);
      };
      for (const ticket of candidates) {
        const days = await windowDaysOf(ticket);
        const key = keyOf(ticket);
        // The window's end itself still allows a reopening: closing comes strictly after it.
        const closesAt = toEpochMs(reopenWindowEnd(ticket.resolvedAt, days)) + 1;
        const retry = retryAt.get(key);
        if (now < closesAt || (retry !== undefined && now < retry)) {
          dueAt(Math.max(closesAt, retry ?? closesAt));
          continue;
        }
        const refusal = await close(ticket, days, now);
        if (refusal === undefined) {
          closed.push(ticket.ticketId);
          tickets.forget(ticket.ticketId);
          windows.delete(key);
          retryAt.delete(key);
        } else {
          // Reopened or closed meanwhile (the read model lags the store) is the usual race and worth
          // no warning; anything else (the store unwell) is. A retry later keeps the closer from spinning.
          const raced = refusal === 'ticket.closed' || refusal === 'ticket.not_resolved';
          logger[raced ? 'debug' : 'warn'](
            { ticketId: ticket.ticketId, code: refusal },
            'ticket not closed after its reopen window',
          );
          failed.push({ ticketId: ticket.ticketId, code: refusal });
          retryAt.set(key, now + retryDelayMs);
          dueAt(now + retryDelayMs);
        }
      }
      return { closed, failed, ...(nextDueAt === undefined ? {} : { nextDueAt }) };
    },
  };
}
