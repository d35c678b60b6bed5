import { type DomainError, domainError } from '../shared/domain-error.ts';
import { assertNever, err, ok, type Result } from '../shared/result.ts';
import { type Instant, toEpochMs } from '../shared/time.ts';
import {
  type PatchLifecycleCommand,
  type PatchLifecycleEvent,
  patchLifecycleEvent,
  type RegisterPatch,
  type ReleaseRegisteredPatch,
} from './patch-registration.ts';

export interface KnownPatch {
  readonly status: 'registered' | 'released';
  readonly patchId: string;
  readonly product: string;
  readonly version: string;
  /** The tickets it fixes. */
  readonly fixes: readonly string[];
  readonly notes?: string;
  /** Absent for a patch whose release was recorded without a registration first. */
  readonly registeredAt?: Instant;
  readonly releasedAt?: Instant;
}

export type PatchLifecycleState = { readonly status: 'none' } | KnownPatch;

export const initialPatchLifecycleState: PatchLifecycleState = { status: 'none' };

type Decision = Result<PatchLifecycleEvent[], DomainError>;

function refuse(code: string, command: PatchLifecycleCommand, why: string): Decision {
  const action = command.type === 'RegisterPatch' ? 'register' : 'release';
  return err(domainError(code, `Cannot ${action} patch ${command.patchId}: ${why}`, { patchId: command.patchId }));
}

export function decidePatchLifecycle(command: PatchLifecycleCommand, state: PatchLifecycleState): Decision {
  switch (command.type) {
    case 'RegisterPatch':
      return register(command, state);
    case 'ReleaseRegisteredPatch':
      return release(command, state);
    default:
      return assertNever(command);
  }
}

function register(command: RegisterPatch, state: PatchLifecycleState): Decision {
  if (state.status !== 'none') return refuse(`patch.already_${state.status}`, command, `it is already ${state.status}`);
  const twice = command.fixes.find((ticketId, index) => command.fixes.indexOf(ticketId) !== index);
  if (twice !== undefined) return refuse('patch.duplicate_ticket', command, `${twice} is listed twice`);
  const { type: _type, ...registration } = command;
  return ok([patchLifecycleEvent('PatchRegistered', registration)]);
}

/** The release carries what was registered, so a reader of `PatchReleased` alone knows what shipped. */
function release(command: ReleaseRegisteredPatch, state: PatchLifecycleState): Decision {
  if (state.status === 'none') return refuse('patch.not_found', command, 'it was never registered');
  if (state.status === 'released') return refuse('patch.already_released', command, 'it is already released');
  if (state.registeredAt !== undefined && toEpochMs(command.at) < toEpochMs(state.registeredAt)) {
    return refuse('patch.out_of_order', command, `it was registered at ${state.registeredAt}, after ${command.at}`);
  }
  const { patchId, product, version, fixes } = state;
  const notes = command.notes ?? state.notes;
  return ok([
    patchLifecycleEvent('PatchReleased', {
      patchId,
      product,
      version,
      fixes: [...fixes],
      ...(notes === undefined ? {} : { notes }),
      by: command.by,
      at: command.at,
    }),
  ]);
}

export function evolvePatchLifecycle(state: PatchLifecycleState, event: PatchLifecycleEvent): PatchLifecycleState {
  const { patchId, product, version, fixes, notes } = event;
  const known = { patchId, product, version, fixes, ...(notes === undefined ? {} : { notes }) };
  switch (event.type) {
    case 'PatchRegistered':
      return { status: 'registered', ...known, registeredAt: event.at };
    case 'PatchReleased': {
      const registeredAt = state.status === 'none' ? undefined : state.registeredAt;
      return {
        status: 'released',
        ...known,
        ...(registeredAt === undefined ? {} : { registeredAt }),
        releasedAt: event.at,
      };
    }
    default:
      return assertNever(event);
  }
}

export const patchLifecycleDecider = {
  decide: decidePatchLifecycle,
  evolve: evolvePatchLifecycle,
  initialState: initialPatchLifecycleState,
} as const;

/**
 * A ticket is resolved by a patch only once the patch has shipped: a registered patch is a promise,
 * not a fix the client can install.
 */
export function deliverablePatch(state: PatchLifecycleState, patchId: string): Result<KnownPatch, DomainError> {
  if (state.status === 'none') {
    return err(domainError('patch.not_found', `No patch ${patchId}`, { patchId }));
  }
  if (state.status !== 'released') {
    return err(domainError('patch.not_released', `Patch ${patchId} is registered but not released yet`, { patchId }));
  }
  return ok(state);
}
