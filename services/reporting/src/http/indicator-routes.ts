import { civilMonth, type Indicators, type Priority } from '@hotline/domain';
import { z } from 'zod';
import { sendCsv } from '../csv/csv-reply.ts';
import { type IndicatorRow, indicatorColumns } from '../csv/report-columns.ts';
import { indicatorsOf } from '../queries/indicator-queries.ts';
import { objectiveChecks } from '../queries/objectives-queries.ts';
import { civilYearOf, reportingPeriod } from '../queries/periods.ts';
import { IndicatorFilterQuery, JsonView, LanguageQuery, PeriodQuery } from './query-schemas.ts';
import { CLIENT_STATISTICS } from './report-access.ts';
import type { RouteContext } from './route-context.ts';
import { wire } from './wire.ts';

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

const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3'];

const indicatorRows = (indicators: Indicators): IndicatorRow[] => [
  ...PRIORITIES.map((priority) => ({ priority, indicators })),
  { priority: 'all' as const, indicators },
];

const IndicatorsQuery = PeriodQuery.extend(IndicatorFilterQuery.shape).extend({
  byMonth: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('With a year: the indicators of each of its months too'),
});

export function registerIndicatorRoutes({ app, projections, clock }: RouteContext): void {
  app.get(
    '/indicators/:year',
    {
      config: { access: CLIENT_STATISTICS },
      schema: {
        tags: ['reporting'],
        summary:
          'The five indicators of a civil year (or one of its months), per priority; narrowed by client, product, nature, environment',
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        querystring: z.object({ month: PeriodQuery.shape.month, ...IndicatorFilterQuery.shape }),
        response: { 200: IndicatorsView },
      },
    },
    async (request) => {
      const view = await projections.current();
      const now = clock.now();
      const { month, ...filters } = request.query;
      const period = reportingPeriod({ year: request.params.year, month }, now);
      const indicators = indicatorsOf(view, period, now, filters);
      return {
        year: request.params.year,
        asOf: new Date(now).toISOString(),
        byPriority: { ...indicators.byPriority },
        claimingClients: [...indicators.claimingClients],
        billableOutOfContract: indicators.billableOutOfContract,
      };
    },
  );
  app.get(
    '/reports/indicators',
    {
      config: { access: CLIENT_STATISTICS },
      schema: {
        tags: ['reporting'],
        summary:
          'The five indicators of a period, per priority, against the year’s objectives (checked when no filter narrows them)',
        querystring: IndicatorsQuery,
        response: { 200: JsonView },
      },
    },
    async (request) => {
      const view = await projections.current();
      const now = clock.now();
      const { byMonth, clientId, product, nature, environment, ...periodQuery } = request.query;
      const filters = { clientId, product, nature, environment };
      const period = reportingPeriod(periodQuery, now);
      const indicators = indicatorsOf(view, period, now, filters);
      const year = periodQuery.year ?? (periodQuery.from === undefined ? civilYearOf(now) : undefined);
      const months =
        byMonth && year !== undefined && periodQuery.month === undefined
          ? Array.from({ length: 12 }, (_, index) => ({
              month: index + 1,
              ...indicatorsOf(view, civilMonth(year, index + 1), now, filters),
            }))
          : undefined;
      return wire({
        asOf: now,
        period: period.label,
        periodStartAt: period.start,
        periodEndAt: period.end,
        ...indicators,
        // The year's objectives are the whole hotline's: they are checked only when nothing narrows it.
        objectives:
          Object.values(filters).every((value) => value === undefined) &&
          year !== undefined &&
          periodQuery.month === undefined
            ? objectiveChecks(indicators, view.objectives.get(year))
            : [],
        ...(months === undefined ? {} : { months }),
      }) as Record<string, unknown>;
    },
  );
  app.get(
    '/reports/indicators.csv',
    {
      config: { access: CLIENT_STATISTICS },
      schema: {
        tags: ['reporting'],
        summary: 'The five indicators of a period, per priority, as CSV (same filters)',
        querystring: PeriodQuery.extend(IndicatorFilterQuery.shape).extend(LanguageQuery.shape),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const view = await projections.current();
      const now = clock.now();
      const { lang, clientId, product, nature, environment, ...periodQuery } = request.query;
      const period = reportingPeriod(periodQuery, now);
      const indicators = indicatorsOf(view, period, now, { clientId, product, nature, environment });
      return sendCsv(
        reply,
        `indicateurs-${period.label.replaceAll('/', '_')}`,
        indicatorColumns,
        indicatorRows(indicators),
        lang,
      );
    },
  );
}
