import type { EventStore } from '@hotline/eventstore';
import type { RouteAccess } from '@hotline/runtime';
import { z } from 'zod';
import { sendCsv } from '../csv/csv-reply.ts';
import { JsonView, LanguageQuery, PageQuery, PeriodQuery, ScopeQuery } from '../http/query-schemas.ts';
import { type RouteContext, registerTable } from '../http/route-context.ts';
import { wire } from '../http/wire.ts';
import { civilYearOf, reportingPeriod } from '../queries/periods.ts';
import type { WorkloadThresholds } from '../queries/workload-queries.ts';
import { activityReport } from './activity-report.ts';
import { activityReportHtml } from './activity-report-html.ts';
import { billingLines, billingTotals, unpricedTime } from './billing-queries.ts';
import { catalogueChanges, liveDocuments, productCatalogue, publishedFaq } from './catalogue-queries.ts';
import { yearObjectives } from './objective-progress.ts';
import { clientContexts, clientReviews, reviewActions, reviewsDue } from './review-queries.ts';
import {
  actionColumns,
  billingLineColumns,
  billingTotalColumns,
  catalogueChangeColumns,
  catalogueColumns,
  contextColumns,
  documentColumns,
  faqColumns,
  objectiveColumns,
  proposalColumns,
  reviewColumns,
  reviewDueColumns,
  skillColumns,
  timeColumns,
  trainingColumns,
  unpricedColumns,
} from './steering-columns.ts';
import { timeSpent } from './time-queries.ts';
import { type ProposalThresholds, skillsPerProduct, trainingProposals, trainings } from './training-queries.ts';

export interface SteeringThresholds {
  readonly proposals: ProposalThresholds;
  readonly workload: WorkloadThresholds;
}

// Steering figures are the manager's, and the auditors' to read (issue #10); the catalogue, its
// documents, FAQ entries and skills are the agents' working knowledge too.
const READERS: RouteAccess = { roles: ['manager', 'auditor'] };
const CATALOGUE_READERS: RouteAccess = { roles: ['agent', 'manager', 'auditor'] };

const Year = z.coerce.number().int().min(2000).max(2100);
const YearQuery = z.object({ year: Year.optional().describe('Civil year (Europe/Paris); the current one by default') });
const BillingQuery = ScopeQuery.extend({
  month: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/)
    .optional()
    .describe('`YYYY-MM` (an invoice month) or `YYYY`; every month by default'),
}).extend(PageQuery.shape);
const ProductQuery = z.object({ product: z.string().min(1).optional().describe('One product only') });

/** A page of the rows, with their total count: the JSON side of every steering table (the CSV has them all). */
const paged = <Row>(rows: readonly Row[], query: { limit: number; offset: number }) => ({
  total: rows.length,
  limit: query.limit,
  offset: query.offset,
  items: rows.slice(query.offset, query.offset + query.limit),
});

/** The steering routes (issue #11): billing, time, client reviews, products, trainings, objectives, the yearly report. */
export function registerSteeringRoutes(context: RouteContext, thresholds: SteeringThresholds, store: EventStore): void {
  const { app, projections, clock } = context;
  const lines = async (query: z.infer<typeof BillingQuery>) => {
    const view = await projections.current();
    const filter = { clientId: query.clientId, month: query.month };
    return { view, filter, rows: await billingLines(view, store, filter) };
  };
  app.get(
    '/reports/billing',
    {
      config: { access: READERS },
      schema: {
        tags: ['reporting'],
        summary:
          'Billable items per client and month, to the cent; the totals per client and month and the unpriced time beside',
        querystring: BillingQuery,
        response: { 200: JsonView },
      },
    },
    async (request) => {
      const { view, filter, rows } = await lines(request.query);
      return wire({
        asOf: clock.now(),
        // The totals are the records', folded up to the revision the lines are read to: they agree.
        totals: billingTotals(view, filter),
        unpriced: unpricedTime(view, filter),
        ...paged(rows, request.query),
      }) as Record<string, unknown>;
    },
  );
  app.get(
    '/reports/billing.csv',
    {
      config: { access: READERS },
      schema: {
        tags: ['reporting'],
        summary: "The invoicing export: every billable item of the filter (CSV: UTF-8 with BOM, ';' separated)",
        querystring: BillingQuery.extend(LanguageQuery.shape),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { rows } = await lines(request.query);
      return sendCsv(reply, 'facturation', billingLineColumns, rows, request.query.lang);
    },
  );
  registerTable(context, {
    path: '/reports/billing/totals',
    access: READERS,
    summary: 'Billed amounts per client and month, to the cent',
    query: BillingQuery,
    name: 'facturation-totaux',
    columns: billingTotalColumns,
    rows: (view, { clientId, month }) => billingTotals(view, { clientId, month }),
    json: paged,
  });
  registerTable(context, {
    path: '/reports/billing/unpriced',
    access: READERS,
    summary: 'Time on billable tickets that no price list priced yet (never in the totals)',
    query: BillingQuery,
    name: 'temps-non-valorise',
    columns: unpricedColumns,
    rows: (view, { clientId, month }) => unpricedTime(view, { clientId, month }),
    json: paged,
  });
  registerTable(context, {
    path: '/reports/time',
    access: READERS,
    summary: 'Time recorded on the tickets received in a period, per ticket, product, client or agent',
    query: PeriodQuery.extend({ by: z.enum(['ticket', 'product', 'client', 'agent']).default('ticket') }).extend(
      PageQuery.shape,
    ),
    name: 'temps-passe',
    columns: timeColumns,
    rows: (view, { by, limit: _limit, offset: _offset, ...period }, now) =>
      timeSpent(view, reportingPeriod(period, now), by),
    json: (rows, query) => ({
      minutes: rows.reduce((sum, row) => sum + row.minutes, 0),
      ...paged(rows, query),
    }),
  });
  registerTable(context, {
    path: '/reports/clients/reviews-due',
    access: READERS,
    summary:
      'Clients due a review: a context in force without a review scheduled for it, a requested review not yet held, a review whose date passed without minutes',
    query: ScopeQuery.extend(PageQuery.shape),
    name: 'points-clients-a-tenir',
    columns: reviewDueColumns,
    rows: (view, { clientId }, now) => reviewsDue(view, now, { clientId }),
    json: paged,
  });
  registerTable(context, {
    path: '/reports/reviews',
    access: READERS,
    summary:
      'Client reviews scheduled in a period: scheduled, held, or past without minutes, with the period each looks back on',
    query: PeriodQuery.extend(ScopeQuery.shape).extend(PageQuery.shape),
    name: 'points-clients',
    columns: reviewColumns,
    rows: (view, { clientId, limit: _limit, offset: _offset, ...period }, now) => {
      const { start, end } = reportingPeriod(period, now);
      return clientReviews(view, now, { clientId, from: start, to: end });
    },
    json: paged,
  });
  registerTable(context, {
    path: '/reports/reviews/actions',
    access: READERS,
    summary:
      'Actions decided in the client reviews held in a period: done or dropped once closed (with the day and the note), else open or overdue by their due day',
    query: PeriodQuery.extend(ScopeQuery.shape).extend(PageQuery.shape),
    name: 'actions-points-clients',
    columns: actionColumns,
    rows: (view, { clientId, limit: _limit, offset: _offset, ...period }, now) => {
      const { start, end } = reportingPeriod(period, now);
      return reviewActions(view, now, { clientId, from: start, to: end });
    },
    json: paged,
  });
  registerTable(context, {
    path: '/reports/reviews/contexts',
    access: READERS,
    summary: 'Client contexts flagged (migration, sensitive, special follow-up) and whether they are in force',
    query: PageQuery,
    name: 'contextes-clients',
    columns: contextColumns,
    rows: (view, _query, now) => clientContexts(view, now),
    json: paged,
  });
  registerTable(context, {
    path: '/reports/products',
    access: CATALOGUE_READERS,
    summary: 'The product catalogue: versions, ends of support, documents, FAQ entries, tickets received in a period',
    query: PeriodQuery.extend(PageQuery.shape),
    name: 'catalogue',
    columns: catalogueColumns,
    rows: (view, { limit: _limit, offset: _offset, ...period }, now) =>
      productCatalogue(view, reportingPeriod(period, now), now),
    json: paged,
  });
  registerTable(context, {
    path: '/reports/products/changes',
    access: CATALOGUE_READERS,
    summary: 'Catalogue changes in a period: launches, versions released, ends of support',
    query: PeriodQuery.extend(PageQuery.shape),
    name: 'catalogue-evolutions',
    columns: catalogueChangeColumns,
    rows: (view, { limit: _limit, offset: _offset, ...period }, now) =>
      catalogueChanges(view, reportingPeriod(period, now)),
    json: paged,
  });
  registerTable(context, {
    path: '/reports/products/documents',
    access: CATALOGUE_READERS,
    summary: 'Production documents still offered, per product',
    query: ProductQuery.extend(PageQuery.shape),
    name: 'documents-production',
    columns: documentColumns,
    rows: (view, { product }) => liveDocuments(view, product),
    json: paged,
  });
  registerTable(context, {
    path: '/reports/products/faq',
    access: CATALOGUE_READERS,
    summary: 'FAQ entries published, per product, with the tickets they answered',
    query: ProductQuery.extend(PageQuery.shape),
    name: 'faq',
    columns: faqColumns,
    rows: (view, { product }) => publishedFaq(view, product),
    json: paged,
  });
  registerTable(context, {
    path: '/reports/products/skills',
    access: CATALOGUE_READERS,
    summary: 'Agents skilled on each product (declared, or trained on it)',
    query: ProductQuery.extend(PageQuery.shape),
    name: 'competences',
    columns: skillColumns,
    rows: (view, { product }) =>
      skillsPerProduct(view).filter((row) => product === undefined || row.product === product),
    json: paged,
  });
  registerTable(context, {
    path: '/reports/trainings',
    access: READERS,
    summary: 'Trainings and skill transfers planned, completed or cancelled in a year',
    query: YearQuery.extend(PageQuery.shape),
    name: 'formations',
    columns: trainingColumns,
    rows: (view, { year }, now) => trainings(view, year ?? civilYearOf(now)),
    json: paged,
  });
  registerTable(context, {
    path: '/reports/trainings/proposals',
    access: READERS,
    summary:
      'Trainings proposed: products whose tickets (90 days, year) or new contracts exceed what trained agents can take, new applications without trained agents; with the reason',
    query: YearQuery.extend(PageQuery.shape),
    name: 'formations-proposees',
    columns: proposalColumns,
    rows: (view, { year }, now) =>
      trainingProposals(view, year ?? civilYearOf(now), now, thresholds.proposals, thresholds.workload),
    json: (rows, query) => ({ thresholds: thresholds.proposals, ...paged(rows, query) }),
  });
  registerTable(context, {
    path: '/reports/objectives',
    access: READERS,
    summary: 'Each objective of a year: met, at risk or missed, with its year-end projection and trend',
    query: YearQuery,
    name: 'objectifs',
    columns: objectiveColumns,
    rows: (view, { year }, now) => yearObjectives(view, year ?? civilYearOf(now), now).objectives,
  });
  app.get(
    '/reports/objectives/:year',
    {
      config: { access: READERS },
      schema: {
        tags: ['reporting'],
        summary:
          'The year’s indicators against their objectives (met, at risk, missed, projection, trend) and the penalty provision against the budget',
        params: z.object({ year: Year }),
        response: { 200: JsonView },
      },
    },
    async (request) => {
      const view = await projections.current();
      const now = clock.now();
      return wire({ asOf: now, ...yearObjectives(view, request.params.year, now) }) as Record<string, unknown>;
    },
  );
  app.get(
    '/reports/activity-report/:year',
    {
      config: { access: READERS },
      schema: {
        tags: ['reporting'],
        summary:
          'The yearly activity report (bilan d’activité): printable HTML (French, or English with lang=en), or its figures as JSON (format=json)',
        params: z.object({ year: Year }),
        querystring: LanguageQuery.extend({ format: z.enum(['html', 'json']).default('html') }),
        produces: ['text/html', 'application/json'],
      },
    },
    async (request, reply) => {
      const view = await projections.current();
      const now = clock.now();
      const report = activityReport(view, request.params.year, now, thresholds);
      if (request.query.format === 'json') return reply.send(wire(report));
      return reply.type('text/html; charset=utf-8').send(activityReportHtml(report, request.query.lang));
    },
  );
}
