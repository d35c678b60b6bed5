import {
  CancelTraining,
  CompleteTraining,
  PlanTraining,
  steeringStreams,
  type TrainingCommand,
  type TrainingEvent,
  type TrainingState,
  trainingDecider,
  trainingEventRegistry,
} from '@hotline/domain';
import { CommandBodyBase, type ServiceContext } from '@hotline/platform';
import { type HttpServer, ProblemDocumentSchema } from '@hotline/runtime';
import { z } from 'zod';
import { recordCommandRoute } from './record-command-route.ts';
import { loadRecord, notFound } from './record-views.ts';

const TrainingParams = z.object({ trainingId: z.string().trim().min(1) });
const PlanBody = z.object({ ...PlanTraining.omit({ type: true, by: true, at: true }).shape, ...CommandBodyBase });
const CompleteBody = z.object({
  ...CompleteTraining.pick({ attendees: true, completedOn: true }).shape,
  ...CommandBodyBase,
});
const CancelBody = z.object({ ...CancelTraining.pick({ reason: true }).shape, ...CommandBodyBase });

const TrainingView = z.looseObject({
  trainingId: z.string(),
  status: z.enum(['planned', 'completed', 'cancelled']),
  product: z.string(),
  planned: z.array(z.string()),
  trained: z.array(z.string()),
  revision: z.string(),
});

function trainingView(trainingId: string, state: TrainingState, revision: bigint) {
  if (state.status === 'none') throw notFound('training.not_found', `No training ${trainingId}`);
  return { ...state, planned: [...state.planned], trained: [...state.trained], revision: String(revision) };
}

type Body = { by: string; occurredAt?: string | undefined };

/** Trainings and skill transfers: planned, then completed (the attendees gain the skill) or cancelled. */
export function registerTrainingRoutes(app: HttpServer, context: ServiceContext): void {
  const route = <B extends Body>(spec: {
    path: string;
    summary: string;
    description?: string;
    params?: z.ZodObject;
    body: z.ZodType<B>;
    creates?: boolean;
    scope: string;
    trainingId: (params: Record<string, string>, body: B) => string;
    command: (trainingId: string, body: Omit<B, 'occurredAt'>, at: string) => TrainingCommand;
  }) =>
    recordCommandRoute<B, TrainingCommand, TrainingEvent, TrainingState>(app, context, {
      method: 'post',
      tag: 'trainings',
      access: { roles: ['manager'] },
      response: TrainingView,
      ...spec,
      scope: (params, body) => `${spec.scope}:${spec.trainingId(params, body)}`,
      stream: (params, body) => steeringStreams.training(spec.trainingId(params, body)),
      decider: trainingDecider,
      command: ({ params, body, at }) => {
        const { occurredAt: _given, ...rest } = body;
        return spec.command(spec.trainingId(params, body), rest, at);
      },
      view: ({ state, revision }, params, body) => trainingView(spec.trainingId(params, body), state, revision),
    });

  route({
    path: '/trainings',
    summary: 'Plan a training or a skill transfer on a product for some agents',
    body: PlanBody,
    creates: true,
    scope: 'plan-training',
    trainingId: (_params, body) => body.trainingId,
    command: (_trainingId, body, at) => ({ type: 'PlanTraining', ...body, at }),
  });
  route({
    path: '/trainings/:trainingId/completion',
    summary: 'Record that a training was completed',
    description:
      "By every agent planned, or by those named in `attendees`. Each gains the skill on the product at the planned level (never lowered): the agent's skills, which dispatch reads, follow within moments.",
    params: TrainingParams,
    body: CompleteBody,
    scope: 'complete-training',
    trainingId: (params) => params.trainingId as string,
    command: (trainingId, body, at) => ({ type: 'CompleteTraining', trainingId, ...body, at }),
  });
  route({
    path: '/trainings/:trainingId/cancellation',
    summary: 'Cancel a planned training',
    params: TrainingParams,
    body: CancelBody,
    scope: 'cancel-training',
    trainingId: (params) => params.trainingId as string,
    command: (trainingId, body, at) => ({ type: 'CancelTraining', trainingId, ...body, at }),
  });

  app.get(
    '/trainings/:trainingId',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags: ['trainings'],
        summary: 'A training, who was planned and who completed it',
        params: TrainingParams,
        response: { 200: TrainingView, 404: ProblemDocumentSchema },
      },
    },
    async (request) => {
      const { trainingId } = request.params;
      const stream = steeringStreams.training(trainingId);
      const loaded = await loadRecord(context.store, stream, trainingEventRegistry, trainingDecider);
      if (loaded === undefined) throw notFound('training.not_found', `No training ${trainingId}`);
      return trainingView(trainingId, loaded.state, loaded.revision);
    },
  );
}
