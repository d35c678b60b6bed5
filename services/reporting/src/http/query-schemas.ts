import { Environment, Nature, Priority, TicketStatus } from '@hotline/domain';
import { z } from 'zod';

export const PeriodQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .describe('Civil year (Europe/Paris); the current one by default'),
  month: z.coerce.number().int().min(1).max(12).optional().describe('A month of that year'),
  from: z.iso.datetime({ offset: true }).optional().describe('Start instant (inclusive), instead of a year'),
  to: z.iso.datetime({ offset: true }).optional().describe('End instant (exclusive)'),
});

export const ScopeQuery = z.object({
  clientId: z.string().min(1).optional().describe("One client's tickets only"),
});

/** The indicators' filters (the dashboard's): any combination narrows them to the tickets that match all. */
export const IndicatorFilterQuery = z.object({
  ...ScopeQuery.shape,
  product: z.string().min(1).optional().describe("One product's tickets only"),
  nature: Nature.optional().describe('Tickets of one nature only'),
  environment: Environment.optional().describe(
    'Tickets of one environment only (a ticket without environment matches none)',
  ),
});

export const LanguageQuery = z.object({
  lang: z.enum(['fr', 'en']).default('fr').describe('Language of CSV headers and printable documents'),
});

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1_000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const TicketQuery = z.object({
  ...ScopeQuery.shape,
  product: z.string().min(1).optional(),
  nature: Nature.optional(),
  priority: Priority.optional(),
  environment: Environment.optional(),
  status: z
    .string()
    .transform((text) => text.split(',').filter((part) => part !== ''))
    .pipe(z.array(TicketStatus))
    .optional()
    .describe('Comma-separated statuses'),
  agent: z.string().min(1).optional().describe('Assigned agent'),
  coverage: z.enum(['covered', 'out_of_contract', 'no_contract', 'not_applicable']).optional(),
  contractId: z.string().min(1).optional(),
  receivedFrom: z.iso.datetime({ offset: true }).optional(),
  receivedTo: z.iso.datetime({ offset: true }).optional(),
  resolvedFrom: z.iso.datetime({ offset: true }).optional(),
  resolvedTo: z.iso.datetime({ offset: true }).optional(),
  sla: z.enum(['met', 'breached', 'at_risk', 'on_track', 'no_deadline']).optional().describe('Standing at now'),
});

export const instantOrUndefined = (text: string | undefined) => (text === undefined ? undefined : Date.parse(text));

/** A loosely described JSON view; its fields are documented in the service README. */
export const JsonView = z.record(z.string(), z.unknown());
