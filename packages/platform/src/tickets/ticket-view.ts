import {
  AttachmentRef,
  CoverageVerdict,
  Environment,
  Nature,
  Priority,
  type Ticket,
  TicketStatus,
} from '@hotline/domain';
import { z } from 'zod';

/** A ticket as the API shows it: its state derived from its events, and the stream revision to expect. */
export const TicketView = z
  .object({
    ticketId: z.string(),
    status: TicketStatus,
    nature: Nature,
    priority: Priority,
    coverage: CoverageVerdict,
    clientId: z.string().optional(),
    product: z.string().optional(),
    version: z.string().optional(),
    environment: Environment.optional(),
    description: z.string().optional(),
    reproductionSteps: z.string().optional(),
    attachments: z.array(AttachmentRef),
    externalId: z.string().optional(),
    missing: z.array(z.string()).describe('What the client was last asked for; empty once complete'),
    assignee: z.string().optional(),
    receivedAt: z.string(),
    milestones: z.object({
      takeCharge: z.string().optional(),
      workaround: z.string().optional(),
      resolution: z.string().optional(),
    }),
    reopenCount: z.number().int(),
    penaltyClaims: z.record(z.string(), z.enum(['open', 'settled', 'waived'])),
    complaints: z.array(z.string()),
    linkedArticles: z.array(z.string()),
    minutesSpent: z.number(),
    revision: z.string().describe('Revision of the ticket stream (decimal string)'),
  })
  .describe('A ticket');
export type TicketView = z.infer<typeof TicketView>;

export function ticketView(ticket: Ticket, revision: bigint): TicketView {
  return {
    ticketId: ticket.ticketId,
    status: ticket.status,
    nature: ticket.nature,
    priority: ticket.priority,
    coverage: ticket.coverage,
    ...(ticket.clientId === undefined ? {} : { clientId: ticket.clientId }),
    ...(ticket.product === undefined ? {} : { product: ticket.product }),
    ...(ticket.version === undefined ? {} : { version: ticket.version }),
    ...(ticket.environment === undefined ? {} : { environment: ticket.environment }),
    ...(ticket.description === undefined ? {} : { description: ticket.description }),
    ...(ticket.reproductionSteps === undefined ? {} : { reproductionSteps: ticket.reproductionSteps }),
    attachments: [...ticket.attachments],
    ...(ticket.externalId === undefined ? {} : { externalId: ticket.externalId }),
    missing: [...ticket.missing],
    ...(ticket.assignee === undefined ? {} : { assignee: ticket.assignee }),
    receivedAt: ticket.receivedAt,
    milestones: { ...ticket.milestones },
    reopenCount: ticket.reopenCount,
    penaltyClaims: { ...ticket.penaltyClaims },
    complaints: [...ticket.complaints],
    linkedArticles: [...ticket.linkedArticles],
    minutesSpent: ticket.minutesSpent,
    revision: revision.toString(),
  };
}
