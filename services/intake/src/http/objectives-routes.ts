import {
  type ObjectivesCommand,
  type ObjectivesEvent,
  type ObjectivesState,
  objectivesDecider,
  objectivesEventRegistry,
  SetAnnualObjectives,
} from '@hotline/domain';
import { CommandBodyBase, type ServiceContext, streams } from '@hotline/platform';
import { type HttpServer, ProblemDocumentSchema } from '@hotline/runtime';
import { z } from 'zod';
import { recordCommandRoute } from './record-command-route.ts';
import { loadRecord, notFound } from './record-views.ts';

const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('The civil year') });
const ObjectivesBody = z.object({
  ...SetAnnualObjectives.pick({ targets: true, penaltyBudgetCents: true }).shape,
  ...CommandBodyBase,
});
const ObjectivesView = z.looseObject({
  year: z.number(),
  targets: z.array(z.looseObject({})),
  penaltyBudgetCents: z.number(),
  setBy: z.string(),
  setAt: z.string(),
  revision: z.string(),
});

function objectivesView(state: ObjectivesState, revision: bigint, year: number) {
  if (state.status === 'none') throw notFound('objectives.not_found', `No objectives for ${year}`);
  const { targets, penaltyBudgetCents, by, at } = state.current;
  return { year, targets, penaltyBudgetCents, setBy: by, setAt: at, revision: String(revision) };
}

/** The year's objectives per indicator and its penalty budget, from the company's strategy. */
export function registerObjectivesRoutes(app: HttpServer, context: ServiceContext): void {
  recordCommandRoute<z.infer<typeof ObjectivesBody>, ObjectivesCommand, ObjectivesEvent, ObjectivesState>(
    app,
    context,
    {
      method: 'put',
      path: '/objectives/:year',
      access: { roles: ['manager'] },
      tag: 'steering',
      summary: "Set (or revise) a year's objectives and penalty budget",
      description:
        "A target per indicator (and priority, or all priorities), and the penalty budget in cents. Set again during the year, they are revised: the last one set counts. A past year's are kept as they were.",
      params: YearParams,
      body: ObjectivesBody,
      response: ObjectivesView,
      scope: ({ year }) => `objectives:${year}`,
      stream: ({ year }) => streams.objectives(Number(year)),
      decider: objectivesDecider,
      command: ({ params, body: { occurredAt: _given, ...objectives }, at }) => ({
        type: 'SetAnnualObjectives',
        year: Number(params.year),
        ...objectives,
        at,
      }),
      view: ({ state, revision }, { year }) => objectivesView(state, revision, Number(year)),
    },
  );

  app.get(
    '/objectives/:year',
    {
      config: { access: { roles: ['manager', 'auditor'] } },
      schema: {
        tags: ['steering'],
        summary: "A year's objectives as last set",
        params: YearParams,
        response: { 200: ObjectivesView, 404: ProblemDocumentSchema },
      },
    },
    async (request) => {
      const { year } = request.params;
      const loaded = await loadRecord(
        context.store,
        streams.objectives(year),
        objectivesEventRegistry,
        objectivesDecider,
      );
      if (loaded === undefined) throw notFound('objectives.not_found', `No objectives for ${year}`);
      return objectivesView(loaded.state, loaded.revision, year);
    },
  );
}
