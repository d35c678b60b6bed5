import { EntityId } from '@hotline/domain';
import {
  CommandBodyBase,
  commandContextOf,
  executeCommand,
  occurredAt,
  type ServiceContext,
  streams,
} from '@hotline/platform';
import { type HttpServer, ProblemError } from '@hotline/runtime';
import { z } from 'zod';
import { type KnownPatch, type PatchLifecycleState, patchLifecycleDecider } from '../domain-additions.ts';
import { Delivery, deliverPatch } from './patch-delivery.ts';
import { readPatch } from './patch-reading.ts';
import { PatchView, patchView } from './patch-view.ts';

const Text = z.string().trim().min(1);
const PatchParams = z.object({ patchId: EntityId.describe('The patch') });

const RegisterBody = z.object({
  ...CommandBodyBase,
  patchId: EntityId,
  product: Text,
  version: Text,
  fixes: z.array(EntityId).describe('The tickets it fixes'),
  notes: Text.optional(),
});

const ReleaseBody = z.object({
  ...CommandBodyBase,
  notes: Text.optional().describe('Release notes, replacing the ones given at registration'),
});

const Released = Delivery.extend({ patch: PatchView }).describe('A released patch and the delivery of its fix');

const tags = ['resolution'];

function known(state: PatchLifecycleState, patchId: string, instance: string): KnownPatch {
  if (state.status === 'none') {
    throw new ProblemError({ status: 404, code: 'patch.not_found', detail: `No patch ${patchId}`, instance });
  }
  return state;
}

/** Patches: registered with the tickets they fix, then released, which delivers the fix to each ticket. */
export function registerPatchRoutes(app: HttpServer, context: ServiceContext): void {
  app.post(
    '/patches',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: 'Register a patch and the tickets it fixes',
        body: RegisterBody,
        response: { 201: PatchView },
      },
    },
    async (request, reply) => {
      const { by, occurredAt: given, ...patch } = request.body;
      const outcome = await executeCommand(
        context.store,
        {
          stream: streams.patch(patch.patchId),
          decider: patchLifecycleDecider,
          command: { type: 'RegisterPatch', ...patch, by, at: occurredAt(given, context.clock) },
          context: commandContextOf(request, by, `register-patch:${patch.patchId}`),
        },
        request.url,
      );
      return reply.code(201).send(patchView(known(outcome.state, patch.patchId, request.url), outcome.revision));
    },
  );

  app.post(
    '/patches/:patchId/release',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: 'Release a patch: the fix is delivered to every ticket it fixes that can take it',
        description:
          'Calling it again finishes an interrupted delivery and resolves nobody twice; tickets that refuse the fix are listed, not an error.',
        params: PatchParams,
        body: ReleaseBody,
        response: { 200: Released },
      },
    },
    async (request) => {
      const { patchId } = request.params;
      const { by, occurredAt: given, notes } = request.body;
      const at = occurredAt(given, context.clock);
      const { correlationId } = commandContextOf(request, by, 'release');
      const outcome = await executeCommand(
        context.store,
        {
          stream: streams.patch(patchId),
          decider: patchLifecycleDecider,
          command: { type: 'ReleaseRegisteredPatch', patchId, ...(notes === undefined ? {} : { notes }), by, at },
          // A patch ships once: a second call replays this release instead of being refused, and
          // goes on delivering to the tickets a first call may not have reached.
          context: {
            commandId: `patch-release:${patchId}`,
            actor: by,
            ...(correlationId === undefined ? {} : { correlationId }),
          },
        },
        request.url,
      );
      const patch = known(outcome.state, patchId, request.url);
      const delivery = await deliverPatch(context.store, patch, {
        by,
        at,
        ...(correlationId === undefined ? {} : { correlationId }),
      });
      return { patch: patchView(patch, outcome.revision), ...delivery };
    },
  );

  app.get(
    '/patches/:patchId',
    {
      config: { access: { roles: ['agent', 'manager', 'auditor'] } },
      schema: { tags, summary: 'Read a patch', params: PatchParams, response: { 200: PatchView } },
    },
    async (request) => {
      const { patchId } = request.params;
      const { state, revision } = await readPatch(context.store, patchId);
      return patchView(known(state, patchId, request.url), revision);
    },
  );
}
