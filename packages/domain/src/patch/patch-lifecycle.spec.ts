import { describe, expect, it } from 'vitest';
import { specify } from '../../test/given-when-then.ts';
import {
  deliverablePatch,
  evolvePatchLifecycle,
  initialPatchLifecycleState,
  patchLifecycleDecider,
} from './patch-lifecycle.ts';
import { PatchLifecycleCommand, PatchLifecycleEvent, patchLifecycleEvent } from './patch-registration.ts';

const { given } = specify(patchLifecycleDecider, { commands: PatchLifecycleCommand, events: PatchLifecycleEvent });
const patch = { patchId: 'ERP-12.4.1', product: 'ERP', version: '12.4.1', fixes: ['T-1', 'T-9'] };
const registeredAt = '2026-05-20T10:00:00+02:00';
const releasedAt = '2026-05-26T14:00:00+02:00';
const registered = patchLifecycleEvent('PatchRegistered', { ...patch, by: 'dev-dan', at: registeredAt });
const released = patchLifecycleEvent('PatchReleased', { ...patch, by: 'dev-dan', at: releasedAt });
const release = { type: 'ReleaseRegisteredPatch', patchId: patch.patchId, by: 'dev-dan', at: releasedAt } as const;

describe('patch registration and release', () => {
  it('a patch is registered with the tickets it fixes', () => {
    given([])
      .when({ type: 'RegisterPatch', ...patch, by: 'dev-dan', at: registeredAt })
      .then([registered]);
  });

  it('a patch is registered once', () => {
    given([registered])
      .when({ type: 'RegisterPatch', ...patch, by: 'dev-dan', at: registeredAt })
      .thenRefused('patch.already_registered');
    given([registered, released])
      .when({ type: 'RegisterPatch', ...patch, by: 'dev-dan', at: registeredAt })
      .thenRefused('patch.already_released');
  });

  it('a ticket is listed once', () => {
    given([])
      .when({ type: 'RegisterPatch', ...patch, fixes: ['T-1', 'T-1'], by: 'dev-dan', at: registeredAt })
      .thenRefused('patch.duplicate_ticket');
  });

  it('its release ships what was registered', () => {
    given([registered]).when(release).then([released]);
  });

  it('release notes given at release replace the registered ones', () => {
    const withNotes = patchLifecycleEvent('PatchRegistered', {
      ...patch,
      notes: 'draft',
      by: 'dev-dan',
      at: registeredAt,
    });
    given([withNotes])
      .when({ ...release, notes: 'Invoices post again' })
      .then([
        patchLifecycleEvent('PatchReleased', { ...patch, notes: 'Invoices post again', by: 'dev-dan', at: releasedAt }),
      ]);
  });

  it('an unknown patch is not released, nor one released already', () => {
    given([]).when(release).thenRefused('patch.not_found');
    given([registered, released]).when(release).thenRefused('patch.already_released');
  });

  it('a patch is not released before its registration', () => {
    given([registered])
      .when({ ...release, at: '2026-05-19T10:00:00+02:00' })
      .thenRefused('patch.out_of_order');
  });

  it('a patch released without registration reads as released', () => {
    const state = evolvePatchLifecycle(initialPatchLifecycleState, released);
    expect(state).toMatchObject({ status: 'released', fixes: patch.fixes, releasedAt });
  });
});

describe('a patch delivered to a ticket', () => {
  it('has shipped', () => {
    const fold = (events: PatchLifecycleEvent[]) => events.reduce(evolvePatchLifecycle, initialPatchLifecycleState);
    expect(deliverablePatch(fold([]), 'P')).toMatchObject({ ok: false, error: { code: 'patch.not_found' } });
    expect(deliverablePatch(fold([registered]), 'P')).toMatchObject({
      ok: false,
      error: { code: 'patch.not_released' },
    });
    expect(deliverablePatch(fold([registered, released]), 'P')).toMatchObject({
      ok: true,
      value: { status: 'released' },
    });
  });
});
