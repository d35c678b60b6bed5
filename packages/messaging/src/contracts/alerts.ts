import { z } from 'zod';
import { defineTopic } from '../topic/topic-contract.ts';

export const alertSchema = z
  .object({
    alertId: z.uuid().describe('Unique per alert; a redelivered alert keeps it.'),
    kind: z.enum(['warning', 'breach']),
    ticketId: z.string().min(1),
    clientId: z.string().min(1),
    contractId: z.string().min(1).optional(),
    priority: z.enum(['P1', 'P2', 'P3']),
    target: z.enum(['takeCharge', 'workaround', 'resolution']),
    threshold: z
      .number()
      .int()
      .positive()
      .describe("Percent of the target's duration the counted time passed: 75 and 90 by default, 100 for a breach."),
    dueAt: z.iso.datetime({ offset: true }).describe("The target's due instant when the alert was raised."),
    raisedAt: z.iso.datetime({ offset: true }),
    position: z
      .string()
      .regex(/^(0|[1-9][0-9]*)$/)
      .optional()
      .describe('Global position of the SLA event behind it.'),
  })
  .describe('An SLA warning or breach, for notification systems.');

export type Alert = z.infer<typeof alertSchema>;

export const alertsTopic = defineTopic({
  name: 'support.alerts.v1',
  partitions: 3,
  title: 'SLA warnings and breaches',
  description:
    "Raised once per ticket, target and threshold when a target's counted time passes a warning threshold (75%, 90% by default) or its due instant (a breach), for notification systems.",
  key: 'the ticket id',
  payload: alertSchema,
});
