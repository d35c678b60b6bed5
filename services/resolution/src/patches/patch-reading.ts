import { eventRegistry, readStored } from '@hotline/domain';
import type { EventStore } from '@hotline/eventstore';
import { refusalProblem, streams } from '@hotline/platform';
import {
  deliverablePatch,
  type PatchLifecycleState,
  patchLifecycleDecider,
  patchLifecycleEventSchemas,
} from '../domain-additions.ts';

const patchLifecycleEvents = eventRegistry(patchLifecycleEventSchemas);

export interface LoadedPatch {
  readonly state: PatchLifecycleState;
  /** -1n while the patch does not exist. */
  readonly revision: bigint;
}

export async function readPatch(store: EventStore, patchId: string): Promise<LoadedPatch> {
  const recorded = await store.readStream(streams.patch(patchId));
  const state = recorded
    .map((event) => {
      return readStored(patchLifecycleEvents, event);
    })
    .reduce(patchLifecycleDecider.evolve, patchLifecycleDecider.initialState);
  return { state, revision: recorded.at(-1)?.revision ?? -1n };
}

/** A fix delivered by hand as a patch names one that has shipped: a 404 or 422 problem otherwise. */
export async function ensureDeliverable(store: EventStore, patchId: string, instance: string): Promise<void> {
  const { state } = await readPatch(store, patchId);
  const deliverable = deliverablePatch(state, patchId);
  if (!deliverable.ok) throw refusalProblem(deliverable.error, instance);
}
