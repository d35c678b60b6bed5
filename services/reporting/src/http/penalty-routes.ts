import { z } from 'zod';
import { claimingClientColumns, contractYearColumns, ticketPenaltyColumns } from '../csv/report-columns.ts';
import { claimingClients, contractPenalties } from '../queries/penalty-queries.ts';
import { reportingPeriod } from '../queries/periods.ts';
import { PeriodQuery, ScopeQuery } from './query-schemas.ts';
import { CLIENT_STATISTICS } from './report-access.ts';
import { type RouteContext, registerTable } from './route-context.ts';

const PenaltyQuery = ScopeQuery.extend({ contractId: z.string().min(1).optional() });

export function registerPenaltyRoutes(context: RouteContext): void {
  registerTable(context, {
    path: '/reports/penalties',
    access: CLIENT_STATISTICS,
    summary: 'Penalties per contract and contract year: accrued, provision with caps, claimed, settled, waived',
    query: PenaltyQuery,
    name: 'penalites',
    columns: contractYearColumns,
    rows: (view, query, now) => contractPenalties(view, now, query),
    json: (rows) => ({
      provisionCents: rows.reduce((sum, row) => sum + row.provisionCents, 0),
      items: rows,
    }),
  });
  registerTable(context, {
    path: '/reports/penalties/tickets',
    access: CLIENT_STATISTICS,
    summary: 'Each ticket’s penalty: overrun days, rate, per-ticket cap, share of the contract year’s provision',
    query: PenaltyQuery,
    name: 'penalites-par-di',
    columns: ticketPenaltyColumns,
    rows: (view, query, now) =>
      contractPenalties(view, now, query).flatMap((year) =>
        year.tickets.map((ticket) => ({
          ...ticket,
          contractId: year.contractId,
          contractYear: year.contractYear.index + 1,
        })),
      ),
  });
  registerTable(context, {
    path: '/reports/penalties/claims',
    access: CLIENT_STATISTICS,
    summary: 'Clients that claimed penalties in a period (indicator 5) and what became of their claims',
    query: PeriodQuery.extend(ScopeQuery.shape),
    name: 'clients-reclamants',
    columns: claimingClientColumns,
    rows: (view, { clientId, ...period }, now) => claimingClients(view, reportingPeriod(period, now), { clientId }),
  });
}
