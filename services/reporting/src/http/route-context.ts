import type { Clock } from '@hotline/platform';
import type { HttpServer, RouteAccess } from '@hotline/runtime';
import { z } from 'zod';
import { sendCsv } from '../csv/csv-reply.ts';
import type { CsvColumn } from '../csv/csv-table.ts';
import type { ReportingProjections } from '../projections/reporting-projections.ts';
import type { ReportingView } from '../queries/reporting-view.ts';
import { JsonView, LanguageQuery } from './query-schemas.ts';
import { wire } from './wire.ts';

export interface RouteContext {
  readonly app: HttpServer;
  readonly projections: ReportingProjections;
  readonly clock: Clock;
}

export interface TableRoute<Query extends z.ZodObject, Row> {
  readonly path: string;
  readonly summary: string;
  /**
   * Who may read the table, JSON and CSV alike; left out, the table is undeclared (managers only
   * with AUTH=on, and listed at start as waiting for a declaration).
   */
  readonly access?: RouteAccess;
  readonly query: Query;
  /** The CSV file's name, without extension. */
  readonly name: string;
  readonly columns: readonly CsvColumn<Row>[];
  readonly rows: (view: ReportingView, query: z.infer<Query>, now: number) => readonly Row[];
  /** The JSON answer around the rows; `{ asOf, items }` by default. */
  readonly json?: (rows: readonly Row[], query: z.infer<Query>, now: number) => Record<string, unknown>;
}

/** A table of the reporting API: its JSON view at `path`, and the same rows as a CSV file at `path.csv`. */
export function registerTable<Query extends z.ZodObject, Row>(
  context: RouteContext,
  route: TableRoute<Query, Row>,
): void {
  const { app, projections, clock } = context;
  const answer = async (query: z.infer<Query>) => {
    const view = await projections.current();
    const now = clock.now();
    return { rows: route.rows(view, query, now), now };
  };
  app.get(
    route.path,
    {
      ...(route.access === undefined ? {} : { config: { access: route.access } }),
      schema: { tags: ['reporting'], summary: route.summary, querystring: route.query, response: { 200: JsonView } },
    },
    async (request) => {
      const query = request.query as z.infer<Query>;
      const { rows, now } = await answer(query);
      const body = route.json?.(rows, query, now) ?? { items: rows };
      return wire({ asOf: now, ...body }) as Record<string, unknown>;
    },
  );
  const csvQuery = route.query.extend(LanguageQuery.shape);
  app.get(
    `${route.path}.csv`,
    {
      ...(route.access === undefined ? {} : { config: { access: route.access } }),
      schema: {
        tags: ['reporting'],
        summary: `${route.summary} (CSV: UTF-8 with BOM, ';' separated, French number format)`,
        querystring: csvQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const query = request.query as z.infer<Query> & { lang: 'fr' | 'en' };
      const { rows } = await answer(query);
      return sendCsv(reply, route.name, route.columns, rows, query.lang);
    },
  );
}

export const NoQuery = z.object({});
