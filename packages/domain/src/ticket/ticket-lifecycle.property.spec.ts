import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as commands from '../../test/ticket-command-builders.ts';
import { toEpochMs } from '../shared/time.ts';
import { TicketStatus } from './ticket-classification.ts';
import type { TicketCommand } from './ticket-commands.ts';
import { ticketDecider } from './ticket-decider.ts';
import { TicketEvent } from './ticket-events.ts';
import { isEnded, type TicketState } from './ticket-state.ts';

const builders: Array<(overrides: { at: string }) => TicketCommand> = Object.values(commands);
const start = toEpochMs('2026-05-07T16:00:00+02:00');

/** Any sequence of any command, one to ninety minutes apart (sometimes at the same instant). */
const sequences = fc.array(
  fc.record({ builder: fc.integer({ min: 0, max: builders.length - 1 }), gap: fc.integer({ min: 0, max: 90 }) }),
  { maxLength: 40 },
);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const field of Object.values(value)) deepFreeze(field);
    Object.freeze(value);
  }
  return value;
}

describe('any sequence of commands', () => {
  it('emits only valid events, never mutates the state, and refuses with a code and a readable message', () => {
    fc.assert(
      fc.property(sequences, (steps) => {
        let state: TicketState = ticketDecider.initialState;
        let elapsed = 0;
        for (const { builder, gap } of steps) {
          elapsed += gap * 60_000;
          const command = builders[builder]?.({ at: new Date(start + elapsed).toISOString() });
          if (command === undefined) continue;
          const before = deepFreeze(state);
          const result = ticketDecider.decide(command, before);
          expect(ticketDecider.decide(command, before)).toEqual(result);
          if (!result.ok) {
            expect(result.error.code).toMatch(/^ticket\.[a-z_]+$/);
            expect(result.error.message).toMatch(/^Cannot .+ ticket T-1: .+/);
            continue;
          }
          for (const event of result.value) TicketEvent.parse(event);
          const after = result.value.reduce(ticketDecider.evolve, before);
          if (before.status !== 'none' && isEnded(before)) expect(after.status).toBe(before.status);
          expect(['none', ...TicketStatus.options]).toContain(after.status);
          state = after;
        }
      }),
      { numRuns: 300 },
    );
  });
});
