import { civilYear, indicatorsFor } from '@hotline/domain';
import { ContractDirectory, type HotlineService, type ServiceContext } from '@hotline/platform';
import { z } from 'zod';
import { ticketOutcomes } from './ticket-outcomes.ts';

const WithinDeadlines = z.object({ within: z.number(), resolved: z.number() });
const PriorityIndicators = z.object({
  malfunctions: WithinDeadlines,
  functional: WithinDeadlines,
  productionOverrunDays: z.number(),
  productionOverThirtyDays: z.number(),
  claimingClients: z.number(),
});
export const IndicatorsView = z.object({
  year: z.number(),
  asOf: z.string(),
  byPriority: z.object({ P1: PriorityIndicators, P2: PriorityIndicators, P3: PriorityIndicators }),
  claimingClients: z.array(z.string()),
  billableOutOfContract: z.number(),
});

/** The five indicators of the year, per priority, as the domain defines them. */
export function createReportingService(context: ServiceContext): HotlineService {
  const contracts = new ContractDirectory();
  return {
    name: 'reporting',
    registerRoutes(app) {
      app.get(
        '/indicators/:year',
        {
          schema: {
            tags: ['reporting'],
            summary: 'The five indicators of a civil year, per priority',
            params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
            response: { 200: IndicatorsView },
          },
        },
        async (request) => {
          const now = context.clock.now();
          const outcomes = await ticketOutcomes(context.store, contracts, now);
          const indicators = indicatorsFor(civilYear(request.params.year), outcomes, now);
          return {
            year: request.params.year,
            asOf: new Date(now).toISOString(),
            byPriority: { ...indicators.byPriority },
            claimingClients: [...indicators.claimingClients],
            billableOutOfContract: indicators.billableOutOfContract,
          };
        },
      );
    },
    async start() {
      contracts.start(context.store);
    },
    async stop() {
      await contracts.stop();
    },
  };
}
