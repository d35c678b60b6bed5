import { type DomainError, domainError } from '../shared/domain-error.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { PatchCommand } from './patch-commands.ts';
import { type PatchEvent, patchEvent } from './patch-events.ts';

/** A released patch is immutable: a correction is a new patch. */
export type PatchState = { readonly status: 'none' } | { readonly status: 'released'; readonly patchId: string };

export const initialPatchState: PatchState = { status: 'none' };

export function decidePatch(command: PatchCommand, state: PatchState): Result<PatchEvent[], DomainError> {
  const { type: _type, ...release } = command;
  if (state.status === 'released') {
    return err(domainError('patch.already_released', `Patch ${command.patchId} is already released`));
  }
  const twice = release.fixes.find((ticketId, index) => release.fixes.indexOf(ticketId) !== index);
  if (twice !== undefined) {
    return err(
      domainError('patch.duplicate_ticket', `Cannot release patch ${command.patchId}: ${twice} is listed twice`),
    );
  }
  return ok([patchEvent('PatchReleased', release)]);
}

export function evolvePatch(_state: PatchState, event: PatchEvent): PatchState {
  return { status: 'released', patchId: event.patchId };
}

export const patchDecider = { decide: decidePatch, evolve: evolvePatch, initialState: initialPatchState } as const;
