import { describe, it } from 'vitest';
import { specify } from '../../test/given-when-then.ts';
import { PatchCommand } from './patch-commands.ts';
import { patchDecider } from './patch-decider.ts';
import { PatchEvent, patchEvent } from './patch-events.ts';

const { given } = specify(patchDecider, { commands: PatchCommand, events: PatchEvent });
const release = {
  patchId: 'ERP-12.4.1',
  product: 'ERP',
  version: '12.4.1',
  fixes: ['T-1', 'T-9'],
  by: 'agent-ada',
  at: '2026-05-26T14:00:00+02:00',
};

describe('patches', () => {
  it('a patch is released with the tickets it fixes', () => {
    given([])
      .when({ type: 'ReleasePatch', ...release })
      .then([patchEvent('PatchReleased', release)]);
  });

  it('a patch is released once', () => {
    given([patchEvent('PatchReleased', release)])
      .when({ type: 'ReleasePatch', ...release })
      .thenRefused('patch.already_released');
  });

  it('a ticket is listed once', () => {
    given([])
      .when({ type: 'ReleasePatch', ...release, fixes: ['T-1', 'T-1'] })
      .thenRefused('patch.duplicate_ticket');
  });
});
