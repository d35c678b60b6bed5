import { z } from 'zod';
import { overrunColumns, pastDueColumns } from '../csv/report-columns.ts';
import { overrunsIn, pastDue } from '../queries/overrun-queries.ts';
import { reportingPeriod } from '../queries/periods.ts';
import { PeriodQuery, ScopeQuery } from './query-schemas.ts';
import { CLIENT_STATISTICS } from './report-access.ts';
import { type RouteContext, registerTable } from './route-context.ts';

const flag = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

const OverrunQuery = PeriodQuery.extend(ScopeQuery.shape).extend({
  production: flag.describe('Production tickets only (indicators 3 and 4)'),
  overThirtyDays: flag.describe('Only overruns over 30 days (indicator 4)'),
});

export function registerOverrunRoutes(context: RouteContext): void {
  registerTable(context, {
    path: '/reports/overruns',
    access: CLIENT_STATISTICS,
    summary:
      'Tickets overrunning their resolution deadline in a period (open ones in the period of now), with overrun days',
    query: OverrunQuery,
    name: 'depassements',
    columns: overrunColumns,
    rows: (view, { clientId, production, overThirtyDays, ...period }, now) =>
      overrunsIn(view, reportingPeriod(period, now), now, { clientId }, { production, overThirtyDays }),
    json: (rows, query, now) => ({
      period: reportingPeriod(query, now).label,
      overrunDays: rows.reduce((sum, row) => sum + row.overrunDays, 0),
      tickets: rows.length,
      items: rows,
    }),
  });
  registerTable(context, {
    path: '/reports/overruns/past-due',
    access: CLIENT_STATISTICS,
    summary: 'Open tickets with a deadline already passed, one row per missed target',
    query: ScopeQuery,
    name: 'echeances-depassees',
    columns: pastDueColumns,
    rows: (view, { clientId }, now) => pastDue(view, now, { clientId }),
  });
}
