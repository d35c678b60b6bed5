import { z } from 'zod';
import { NatureWithDeadline, SlaTargetName } from '../contract/contract-terms.ts';
import { eventFactory, eventSchema } from '../schema/event-schema.ts';
import { ActorId, EntityId } from '../schema/primitives.ts';
import { Instant } from '../shared/time.ts';
import { Priority } from '../ticket/ticket-classification.ts';

/**
 * What every SLA fact says: which target of which ticket, under which qualification and terms, crossed
 * when (`dueAt`), and when the SLA clock raised it (`at`). The two differ when the clock learned the
 * crossing late (a requalification that makes a target already breached, a restart after downtime):
 * an auditor sees both.
 */
const crossingShape = {
  ticketId: EntityId,
  /** The contract whose terms in force at reception set the target. */
  contractId: EntityId,
  target: SlaTargetName,
  nature: NatureWithDeadline,
  priority: Priority,
  /** When the counted time reached the share (for a breach: the due instant). */
  dueAt: Instant,
  by: ActorId,
  /** When the SLA clock raised it: `dueAt` when on time, later when the crossing was learned late. */
  at: Instant,
};

/** The counted time of a target passed a warning threshold of its duration (75 % and 90 % by default). */
export const SlaWarningRaised = eventSchema('SlaWarningRaised', 1, {
  ...crossingShape,
  /** Share of the target's duration, as the contract's `warningThresholds` write it (0.75). */
  threshold: z.number().gt(0).lt(1),
});
export type SlaWarningRaised = z.infer<typeof SlaWarningRaised>;

/** A target's due instant passed without its milestone. */
export const SlaBreached = eventSchema('SlaBreached', 1, crossingShape);
export type SlaBreached = z.infer<typeof SlaBreached>;

/** The derived SLA facts of stream `sla-<ticketId>`: the ticket stream keeps primary facts only. */
export const slaEventSchemas = [SlaWarningRaised, SlaBreached] as const;
export const SlaEvent = z.discriminatedUnion('type', slaEventSchemas);
export type SlaEvent = z.infer<typeof SlaEvent>;
export const slaEvent = eventFactory<SlaEvent>(slaEventSchemas);
