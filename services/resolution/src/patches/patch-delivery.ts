import { type ResolveTicket, ticketDecider } from '@hotline/domain';
import { type EventStore, handleCommand, RevisionConflictError } from '@hotline/eventstore';
import { streams } from '@hotline/platform';
import { z } from 'zod';
import type { KnownPatch } from '../domain-additions.ts';

export const Delivery = z.object({
  delivered: z.array(z.string()).describe('Tickets this call resolved with the patch'),
  alreadyDelivered: z.array(z.string()).describe('Tickets an earlier call had resolved with it'),
  notDelivered: z
    .array(z.object({ ticketId: z.string(), code: z.string(), detail: z.string() }))
    .describe('Tickets that could not take the fix (closed, resolved otherwise, awaiting the client…) and why'),
});
export type Delivery = z.infer<typeof Delivery>;

export interface DeliveryContext {
  readonly by: string;
  readonly at: string;
  readonly correlationId?: string;
}

/**
 * Resolves every ticket the patch fixes, each on its own stream through the ticket's decider. The
 * command id is derived from the patch and the ticket, so delivering again (a retried release)
 * resolves nobody twice, even a ticket reopened since. A ticket that refuses is reported, not an
 * error: the patch shipped whatever state each ticket is in.
 */
export async function deliverPatch(store: EventStore, patch: KnownPatch, context: DeliveryContext): Promise<Delivery> {
  const summary = `Patch ${patch.patchId} (${patch.product} ${patch.version})${patch.notes === undefined ? '' : `: ${patch.notes}`}`;
  const outcomes = await Promise.all(
    patch.fixes.map(async (ticketId) => {
      const command: ResolveTicket = {
        type: 'ResolveTicket',
        ticketId,
        how: 'patch',
        patchId: patch.patchId,
        summary,
        by: context.by,
        at: context.at,
      };
      try {
        const outcome = await handleCommand(store, {
          stream: streams.ticket(ticketId),
          decider: ticketDecider,
          command,
          context: {
            // Names the ticket: its events' ids are its stream's own.
            commandId: `patch:${patch.patchId}:${ticketId}`,
            idsUniqueIn: 'stream',
            actor: context.by,
            ...(context.correlationId === undefined ? {} : { correlationId: context.correlationId }),
          },
        });
        if (!outcome.ok) return { ticketId, refused: { code: outcome.error.code, detail: outcome.error.message } };
        return { ticketId, written: outcome.written };
      } catch (error) {
        if (!(error instanceof RevisionConflictError)) throw error;
        const detail = `${error.stream} kept changing while the fix was delivered; release again to retry`;
        return { ticketId, refused: { code: 'stream.revision_conflict', detail } };
      }
    }),
  );
  const delivery: Delivery = { delivered: [], alreadyDelivered: [], notDelivered: [] };
  for (const outcome of outcomes) {
    if (outcome.refused !== undefined) delivery.notDelivered.push({ ticketId: outcome.ticketId, ...outcome.refused });
    else if (outcome.written) delivery.delivered.push(outcome.ticketId);
    else delivery.alreadyDelivered.push(outcome.ticketId);
  }
  return delivery;
}
