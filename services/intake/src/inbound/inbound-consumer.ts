import { type Bus, type Consumer, inboundTopic, PermanentFailure } from '@hotline/messaging';
import { ProblemError } from '@hotline/runtime';
import type { InboundRequest } from '../requests/inbound-request.ts';
import { type IntakeDependencies, takeIn } from '../requests/take-in.ts';
import { knownSource } from './upstream-systems.ts';

/** Requests a partition's member takes in at once (of distinct keys). */
export const INBOUND_CONCURRENCY = 64;

/**
 * support.inbound.v1 into the store. A message the domain refuses (unknown ticket, a transition
 * the ticket's state forbids) will never succeed: it goes to the dead-letter topic with the
 * problem's code and detail, and the partition moves on. Anything else (the store busy, a
 * conflict that kept recurring) is retried by the bus. A message whose source is not one of the
 * configured upstream systems (when some are) is dead-lettered before anything is read or written.
 */
export function consumeInbound(
  bus: Bus,
  deps: IntakeDependencies,
  group = 'intake',
  upstreamSystems?: readonly string[],
): Promise<Consumer> {
  return bus.consume({
    group,
    topic: inboundTopic,
    // Requests of distinct keys taken in at once: their appends share the store's group commit,
    // where one at a time per partition (six) left each waiting on the previous fsync. A key's
    // requests stay in order.
    concurrency: INBOUND_CONCURRENCY,
    handler: async ({ payload: message }) => {
      if (!knownSource(upstreamSystems, message.source)) {
        throw new PermanentFailure(
          'inbound.unknown_source',
          `The source ${JSON.stringify(message.source)} is not a configured upstream system (UPSTREAM_SYSTEMS: ${upstreamSystems?.join(', ')}).`,
        );
      }
      const request = {
        kind: message.kind,
        payload: message.payload,
        origin: { source: message.source, occurredAt: message.occurredAt, requestId: message.messageId },
      } as InboundRequest;
      try {
        await takeIn(deps, request);
      } catch (error) {
        const code = error instanceof ProblemError ? String(error.problem.code ?? `http.${error.status}`) : undefined;
        if (error instanceof ProblemError && error.status < 500 && code !== 'stream.revision_conflict') {
          throw new PermanentFailure(code ?? 'intake.refused', error.message, { cause: error });
        }
        throw error;
      }
    },
  });
}
