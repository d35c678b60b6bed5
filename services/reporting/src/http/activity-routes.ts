import { z } from 'zod';
import {
  articleUseColumns,
  backlogColumns,
  interventionColumns,
  problemTicketColumns,
  processingTimeColumns,
  recurringProblemColumns,
  volumeColumns,
  workloadColumns,
} from '../csv/report-columns.ts';
import {
  backlog,
  billableInterventions,
  changeAndServiceRequests,
  reopenRate,
  volumes,
} from '../queries/activity-queries.ts';
import { faqCandidates, problemTickets } from '../queries/knowledge-queries.ts';
import { reportingPeriod } from '../queries/periods.ts';
import { processingTimes } from '../queries/processing-time-queries.ts';
import { productWorkloads, type WorkloadThresholds } from '../queries/workload-queries.ts';
import { JsonView, PageQuery, PeriodQuery, ScopeQuery } from './query-schemas.ts';
import { CLIENT_STATISTICS, HOTLINE_REPORTS } from './report-access.ts';
import { type RouteContext, registerTable } from './route-context.ts';
import { wire } from './wire.ts';

const ScopedPeriod = PeriodQuery.extend(ScopeQuery.shape);
const FaqQuery = ScopedPeriod.extend({ minTickets: z.coerce.number().int().min(2).default(3) });
const ProblemQuery = ScopedPeriod.extend({ product: z.string().min(1), problem: z.string().min(1) });
/** JSON answers a page of the rows (`limit`/`offset`) and their total; the CSV file holds every row. */
const page = <Row>(rows: readonly Row[], { limit, offset }: { limit: number; offset: number }) => ({
  total: rows.length,
  limit,
  offset,
  items: rows.slice(offset, offset + limit),
});

export function registerActivityRoutes(context: RouteContext, thresholds: WorkloadThresholds): void {
  registerTable(context, {
    path: '/reports/processing-times',
    access: CLIENT_STATISTICS,
    summary: 'Take-charge and resolution times per client (median, 90th percentile, within-deadline rate)',
    query: ScopedPeriod,
    name: 'delais-par-client',
    columns: processingTimeColumns,
    rows: (view, { clientId, ...period }, now) =>
      processingTimes(view, reportingPeriod(period, now), now, { clientId }),
  });
  registerTable(context, {
    path: '/reports/activity/volumes',
    access: CLIENT_STATISTICS,
    summary: 'Tickets received in a period by product, nature, priority and agent',
    query: ScopedPeriod,
    name: 'volumes',
    columns: volumeColumns,
    rows: (view, { clientId, ...period }, now) => volumes(view, reportingPeriod(period, now), { clientId }),
  });
  registerTable(context, {
    path: '/reports/activity/backlog',
    access: CLIENT_STATISTICS,
    summary: 'Open tickets at the end of each day (month-long periods) or month',
    query: ScopedPeriod,
    name: 'stock',
    columns: backlogColumns,
    rows: (view, { clientId, ...period }, now) => backlog(view, reportingPeriod(period, now), now, { clientId }),
  });
  registerTable(context, {
    path: '/reports/activity/billable',
    access: CLIENT_STATISTICS,
    summary: 'Billable out-of-contract interventions received in a period',
    query: ScopedPeriod,
    name: 'interventions-facturables',
    columns: interventionColumns,
    rows: (view, { clientId, ...period }, now) =>
      billableInterventions(view, reportingPeriod(period, now), { clientId }),
  });
  registerTable(context, {
    path: '/reports/activity/requests',
    access: CLIENT_STATISTICS,
    summary: 'Change requests and service needs raised in a period',
    query: ScopedPeriod,
    name: 'evolutions-et-prestations',
    columns: interventionColumns,
    rows: (view, { clientId, ...period }, now) =>
      changeAndServiceRequests(view, reportingPeriod(period, now), { clientId }),
  });
  registerTable(context, {
    path: '/reports/knowledge/articles',
    access: HOTLINE_REPORTS,
    summary: 'FAQ candidates: knowledge articles linked to many tickets received in a period',
    query: FaqQuery,
    name: 'faq-articles',
    columns: articleUseColumns,
    rows: (view, { clientId, minTickets, ...period }, now) =>
      faqCandidates(view, reportingPeriod(period, now), minTickets, { clientId }).articles,
  });
  registerTable(context, {
    path: '/reports/knowledge/recurring-problems',
    access: HOTLINE_REPORTS,
    summary:
      'FAQ candidates: problems reported again and again that no article covers (count and latest tickets; a page, the CSV every one)',
    query: FaqQuery.extend(PageQuery.shape),
    name: 'faq-problemes-recurrents',
    columns: recurringProblemColumns,
    rows: (view, { clientId, minTickets, limit: _limit, offset: _offset, ...period }, now) =>
      faqCandidates(view, reportingPeriod(period, now), minTickets, { clientId }).withoutArticle,
    json: page,
  });
  registerTable(context, {
    path: '/reports/knowledge/recurring-problems/tickets',
    access: HOTLINE_REPORTS,
    summary: 'The tickets of one recurring problem (product and problem as the candidates name them), latest first',
    query: ProblemQuery.extend(PageQuery.shape),
    name: 'faq-probleme-di',
    columns: problemTicketColumns,
    rows: (view, { clientId, product, problem, limit: _limit, offset: _offset, ...period }, now) =>
      problemTickets(view, reportingPeriod(period, now), { product, problem }, { clientId }),
    json: page,
  });
  registerTable(context, {
    path: '/reports/workload',
    access: HOTLINE_REPORTS,
    summary: 'Workload and skills per product: tickets per skilled agent, new contracts, products needing training',
    query: PeriodQuery,
    name: 'charge-et-competences',
    columns: workloadColumns,
    rows: (view, period, now) => productWorkloads(view, reportingPeriod(period, now), thresholds),
  });
  const { app, projections, clock } = context;
  app.get(
    '/reports/activity/reopen-rate',
    {
      config: { access: CLIENT_STATISTICS },
      schema: {
        tags: ['reporting'],
        summary: 'Share of the tickets resolved in a period that were reopened',
        querystring: ScopedPeriod,
        response: { 200: JsonView },
      },
    },
    async (request) => {
      const view = await projections.current();
      const now = clock.now();
      const { clientId, ...period } = request.query;
      return wire({ asOf: now, ...reopenRate(view, reportingPeriod(period, now), { clientId }) }) as Record<
        string,
        unknown
      >;
    },
  );
}
