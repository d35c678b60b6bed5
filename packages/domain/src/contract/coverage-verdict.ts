import { z } from 'zod';

/**
 * Whether a ticket falls under a contract (DOMAIN.md, "Contracts and coverage").
 * `out_of_contract`: the client has a contract, but not of the right kind, product or period;
 * `no_contract`: the client has none. Both are handled as billable interventions, without deadline.
 * `not_applicable`: natures that never carry a deadline (change requests, service requests).
 */
export const CoverageVerdict = z.object({
  status: z.enum(['covered', 'out_of_contract', 'no_contract', 'not_applicable']),
  contractId: z.string().min(1).nullable(),
  reason: z.string().optional(),
});
export type CoverageVerdict = z.infer<typeof CoverageVerdict>;
