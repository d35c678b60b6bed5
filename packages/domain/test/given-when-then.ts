import { expect } from 'vitest';
import type { DomainError } from '../src/shared/domain-error.ts';
import type { Result } from '../src/shared/result.ts';

/** Any aggregate's decider: the ticket's, a contract's, an agent's… */
export interface Decider<C, E, S> {
  decide(command: C, state: S): Result<E[], DomainError>;
  evolve(state: S, event: E): S;
  readonly initialState: S;
}

interface Parser {
  parse(value: unknown): unknown;
}

export interface SpecOptions {
  /** Checks every command of a spec, so builders cannot drift from the schemas services validate with. */
  readonly commands?: Parser;
  /** Checks every event the decider emits, so nothing invalid ever reaches the store. */
  readonly events?: Parser;
}

export interface Outcome<E, S> {
  /** The decider emits exactly these events; returns the state after them, for rules about state. */
  then(expected: readonly E[]): S;
  /** The decider refuses with this code (and emits nothing); returns the error, for its message. */
  thenRefused(code: string): DomainError;
}

/**
 * Specifications in the rule book's words:
 * `given([received()]).when(takeCharge()).then([takenCharge()])`, or `.thenRefused('ticket.closed')`.
 */
export function specify<C, E, S>(decider: Decider<C, E, S>, options: SpecOptions = {}) {
  return {
    given(history: readonly E[]) {
      const state = history.reduce((current, event) => decider.evolve(current, event), decider.initialState);
      return {
        when(command: C): Outcome<E, S> {
          options.commands?.parse(command);
          const result = decider.decide(command, state);
          return {
            // biome-ignore lint/suspicious/noThenProperty: the rule book reads given/when/then; awaiting it is refused below.
            then(expected) {
              if (typeof expected === 'function') throw new Error('A specification is not a promise: do not await it');
              if (!result.ok) {
                throw new Error(`Expected events, but was refused: ${result.error.code}: ${result.error.message}`);
              }
              expect(result.value).toEqual(expected);
              for (const event of result.value) options.events?.parse(event);
              return result.value.reduce((current, event) => decider.evolve(current, event), state);
            },
            thenRefused(code) {
              if (result.ok) throw new Error(`Expected refusal ${code}, but got ${JSON.stringify(result.value)}`);
              expect(result.error.code).toBe(code);
              return result.error;
            },
          };
        },
      };
    },
  };
}
