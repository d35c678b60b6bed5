import { CommandBodyBase, loadTicket, type ServiceContext } from '@hotline/platform';
import { type HttpServer, ProblemError } from '@hotline/runtime';
import { z } from 'zod';
import { CLIENT_ON_TICKET, ticketCommandRoute } from '../tickets/ticket-command-route.ts';
import { reopenWindowDaysOf } from './reopen-window-days.ts';

/** Closing by hand: the client confirms the fix, or the manager decides. The window's end closes by itself. */
export function registerClosingRoutes(app: HttpServer, context: ServiceContext): void {
  ticketCommandRoute(app, context, {
    path: 'closing',
    access: CLIENT_ON_TICKET,
    summary: "Close a resolved ticket on the client's confirmation or by the manager's decision",
    body: z.object({ ...CommandBodyBase, reason: z.enum(['confirmed_by_client', 'by_manager']) }),
    command: ({ ticketId, body, at, caller }) => {
      // A client confirms; the manager's decision is not a client's to claim.
      if (caller?.role === 'client' && body.reason !== 'confirmed_by_client') {
        throw new ProblemError({
          status: 403,
          code: 'access.role_refused',
          title: 'Role not allowed',
          detail: `A client closes a ticket by confirming it (confirmed_by_client), not ${body.reason}.`,
          role: 'client',
        });
      }
      return { type: 'CloseTicket', ticketId, reason: body.reason, by: body.by, at };
    },
  });

  ticketCommandRoute(app, context, {
    path: 'reopening',
    access: CLIENT_ON_TICKET,
    summary: "Reopen a resolved ticket at the client's request, within the contract's reopen window",
    description:
      'The window counts from the last resolution, in days of 24 hours set by the contract terms in force at reception.',
    body: z.object({ ...CommandBodyBase, reason: z.string().trim().min(1).describe('What the client still sees') }),
    command: async ({ ticketId, body, at, instance }) => {
      const { ticket } = await loadTicket(context.store, ticketId, instance);
      const reopenWindowDays = await reopenWindowDaysOf(context.store, ticket);
      return {
        type: 'ReopenTicket',
        ticketId,
        reason: body.reason,
        ...(reopenWindowDays === undefined ? {} : { reopenWindowDays }),
        by: body.by,
        at,
      };
    },
  });
}
