import { z } from 'zod';
import { reportingPeriod } from '../queries/periods.ts';
import { clientReport } from '../report/client-report.ts';
import { LanguageQuery, PeriodQuery } from './query-schemas.ts';
import { CLIENT_REPORT } from './report-access.ts';
import type { RouteContext } from './route-context.ts';

export function registerClientReportRoutes({ app, projections, clock }: RouteContext): void {
  app.get(
    '/reports/clients/:clientId',
    {
      config: { access: CLIENT_REPORT },
      schema: {
        tags: ['reporting'],
        summary: 'A client’s report over a period, printable (HTML), for client reviews',
        params: z.object({ clientId: z.string().min(1) }),
        querystring: PeriodQuery.extend(LanguageQuery.shape),
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      const view = await projections.current();
      const now = clock.now();
      const { lang, ...period } = request.query;
      const html = clientReport(view, request.params.clientId, reportingPeriod(period, now), now, lang);
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
}
