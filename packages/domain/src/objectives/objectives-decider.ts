import { yearOf } from '../schema/primitives.ts';
import { type DomainError, domainError } from '../shared/domain-error.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { ObjectivesCommand } from './objectives-commands.ts';
import {
  type AnnualObjectivesSet,
  type ObjectivesEvent,
  objectivesEvent,
  rateIndicators,
} from './objectives-events.ts';

/** One stream per year; the state is the objectives in force, if any. */
export type ObjectivesState =
  | { readonly status: 'none' }
  | { readonly status: 'set'; readonly current: AnnualObjectivesSet };

export const initialObjectivesState: ObjectivesState = { status: 'none' };

type Decision = Result<ObjectivesEvent[], DomainError>;

function refuse(code: string, command: ObjectivesCommand, why: string): Decision {
  return err(domainError(code, `Cannot set the objectives of ${command.year}: ${why}`, { year: command.year }));
}

export function decideObjectives(command: ObjectivesCommand, state: ObjectivesState): Decision {
  if (state.status === 'set' && state.current.year !== command.year) {
    return refuse('objectives.wrong_year', command, `this stream holds ${state.current.year}`);
  }
  // Objectives are set ahead or during the year; rewriting those of a past year would bend its report.
  if (command.year < yearOf(command.at)) return refuse('objectives.year_over', command, 'the year is over');
  const keys = command.targets.map((target) => `${target.indicator}/${target.priority ?? 'all'}`);
  const twice = keys.find((key, index) => keys.indexOf(key) !== index);
  if (twice !== undefined) return refuse('objectives.duplicate_target', command, `${twice} has two targets`);
  const overFull = command.targets.find((target) => rateIndicators.includes(target.indicator) && target.value > 100);
  if (overFull !== undefined) {
    return refuse(
      'objectives.invalid_target',
      command,
      `${overFull.indicator} is a percentage, ${overFull.value} > 100`,
    );
  }
  if (state.status === 'set' && sameObjectives(state.current, command)) {
    return refuse('objectives.unchanged', command, 'they are already set to these values');
  }
  const { type: _type, ...objectives } = command;
  return ok([objectivesEvent('AnnualObjectivesSet', objectives)]);
}

function sameObjectives(current: AnnualObjectivesSet, command: ObjectivesCommand): boolean {
  return (
    current.penaltyBudgetCents === command.penaltyBudgetCents &&
    JSON.stringify(current.targets) === JSON.stringify(command.targets)
  );
}

export function evolveObjectives(_state: ObjectivesState, event: ObjectivesEvent): ObjectivesState {
  return { status: 'set', current: event };
}

export const objectivesDecider = {
  decide: decideObjectives,
  evolve: evolveObjectives,
  initialState: initialObjectivesState,
} as const;
