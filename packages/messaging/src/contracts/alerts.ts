import { z } from 'zod';
import { defineTopic } from '../topic/topic-contract.ts';

const common = {
  alertId: z.uuid().describe('Unique per alert; a redelivered alert keeps it.'),
  ticketId: z.string().min(1),
  contractId: z.string().min(1).optional(),
  priority: z.enum(['P1', 'P2', 'P3']),
  raisedAt: z.iso.datetime({ offset: true }),
};

export const slaAlertSchema = z
  .object({
    ...common,
    kind: z.enum(['warning', 'breach']),
    clientId: z.string().min(1),
    target: z.enum(['takeCharge', 'workaround', 'resolution']),
    threshold: z
      .number()
      .int()
      .positive()
      .describe("Percent of the target's duration the counted time passed: 75 and 90 by default, 100 for a breach."),
    dueAt: z.iso.datetime({ offset: true }).describe("The target's due instant when the alert was raised."),
    position: z
      .string()
      .regex(/^(0|[1-9][0-9]*)$/)
      .optional()
      .describe('Global position of the SLA event behind it.'),
  })
  .describe('An SLA warning or breach.');

export const unassignableAlertSchema = z
  .object({
    ...common,
    kind: z.literal('unassignable'),
    clientId: z.string().min(1).optional().describe('Absent while an incomplete request has not named its client.'),
    product: z.string().min(1).optional(),
    reason: z.string().min(1).describe('Why nobody can take it, e.g. "no agent knows ERP".'),
    dueAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('The take-charge due instant, when the ticket has one: the deadline the wait puts at risk.'),
  })
  .describe('A ticket nobody can take: no available agent knows its product.');

export const alertSchema = z
  .discriminatedUnion('kind', [slaAlertSchema, unassignableAlertSchema])
  .describe('An SLA warning or breach, or a ticket nobody can take, for notification systems.');

export type SlaAlert = z.infer<typeof slaAlertSchema>;
export type UnassignableAlert = z.infer<typeof unassignableAlertSchema>;
export type Alert = z.infer<typeof alertSchema>;

export const alertsTopic = defineTopic({
  name: 'support.alerts.v1',
  partitions: 3,
  title: 'SLA warnings and breaches, tickets nobody can take',
  description:
    "Raised once per ticket, target and threshold when a target's counted time passes a warning threshold (75%, 90% by default) or its due instant (a breach); and when triage finds no available agent who knows a ticket's product (unassignable). For notification systems.",
  key: 'the ticket id',
  payload: alertSchema,
});
