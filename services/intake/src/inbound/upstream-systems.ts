import { env } from '@hotline/runtime';
import { z } from 'zod';

/**
 * The upstream systems that may publish on support.inbound.v1 (issue #10: "Kafka inbound messages
 * carry the source, checked against the configured upstream systems"). The source also names the
 * ticket (`ticketIdFor(source, externalId)`), so a message from an unknown source would open tickets
 * under a name nobody configured: it is dead-lettered with the reason instead.
 */
export const upstreamSystemsConfigShape = {
  UPSTREAM_SYSTEMS: env
    .list()
    .optional()
    .describe(
      'Upstream systems allowed to publish on support.inbound.v1 (`erp,crm,client-portal`); a message from another source is dead-lettered (inbound.unknown_source). Unset: every source is taken in',
    ),
};

/** The setting alone, for the processes that run intake (intake's own, the one-process product). */
export const upstreamSystemsConfig = z.object(upstreamSystemsConfigShape);

/** Whether a message's source is one of the configured systems; every source when none is configured. */
export function knownSource(upstreamSystems: readonly string[] | undefined, source: string): boolean {
  return upstreamSystems === undefined || upstreamSystems.includes(source);
}
