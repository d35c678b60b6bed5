import type { SkillLevel } from '../agent/agent-events.ts';
import { type DomainError, domainError } from '../shared/domain-error.ts';
import { assertNever, err, ok, type Result } from '../shared/result.ts';
import type { CompleteTraining, TrainingCommand } from './training-commands.ts';
import { type TrainingEvent, type TrainingKind, trainingEvent } from './training-events.ts';

export interface Training {
  readonly status: 'planned' | 'completed' | 'cancelled';
  readonly trainingId: string;
  readonly kind: TrainingKind;
  readonly product: string;
  readonly title: string;
  readonly level: SkillLevel;
  readonly plannedOn: string;
  readonly planned: readonly string[];
  /** Those who completed it, once completed. */
  readonly trained: readonly string[];
  readonly completedOn: string | null;
}

export type TrainingState = { readonly status: 'none' } | Training;

export const initialTrainingState: TrainingState = { status: 'none' };

type Decision = Result<TrainingEvent[], DomainError>;

function refuse(code: string, command: TrainingCommand, why: string): Decision {
  const message = `Cannot ${command.type} ${command.trainingId}: ${why}`;
  return err(domainError(code, message, { trainingId: command.trainingId }));
}

/** Planned, then completed or cancelled, once: a training's outcome is a fact the skills rest on. */
export function decideTraining(command: TrainingCommand, state: TrainingState): Decision {
  if (command.type === 'PlanTraining') {
    if (state.status !== 'none') return refuse('training.already_scheduled', command, `it is ${state.status}`);
    const twice = command.attendees.find((agent, index) => command.attendees.indexOf(agent) !== index);
    if (twice !== undefined) return refuse('training.duplicate_attendee', command, `${twice} is planned twice`);
    const { type: _type, ...plan } = command;
    return ok([trainingEvent('TrainingPlanned', plan)]);
  }
  if (state.status === 'none') return refuse('training.not_found', command, 'it was never planned');
  if (state.status === 'cancelled') return refuse('training.cancelled', command, 'it was cancelled');
  if (state.status === 'completed') return refuse('training.already_held', command, 'it was completed');
  switch (command.type) {
    case 'CompleteTraining':
      return complete(command, state);
    case 'CancelTraining': {
      const { type: _type, ...cancellation } = command;
      return ok([trainingEvent('TrainingCancelled', cancellation)]);
    }
    default:
      return assertNever(command);
  }
}

function complete(command: CompleteTraining, training: Training): Decision {
  // ISO dates compare as strings.
  if (command.completedOn < training.plannedOn) {
    return refuse(
      'training.completed_before_planned',
      command,
      `${command.completedOn} is before ${training.plannedOn}`,
    );
  }
  const attendees = command.attendees ?? training.planned;
  const stranger = attendees.find((agent) => !training.planned.includes(agent));
  if (stranger !== undefined) return refuse('training.attendee_not_planned', command, `${stranger} was not planned`);
  const { trainingId, completedOn, by, at } = command;
  const { product, level } = training;
  const unique = attendees.filter((agent, index) => attendees.indexOf(agent) === index);
  return ok([
    trainingEvent('TrainingSessionCompleted', { trainingId, product, attendees: unique, level, completedOn, by, at }),
  ]);
}

export function evolveTraining(state: TrainingState, event: TrainingEvent): TrainingState {
  switch (event.type) {
    case 'TrainingPlanned': {
      const { trainingId, kind, product, title, level, plannedOn, attendees } = event;
      const base = { trainingId, kind, product, title, level, plannedOn };
      return { status: 'planned', ...base, planned: attendees, trained: [], completedOn: null };
    }
    case 'TrainingSessionCompleted':
      if (state.status === 'none') return state;
      return { ...state, status: 'completed', trained: event.attendees, completedOn: event.completedOn };
    case 'TrainingCancelled':
      return state.status === 'none' ? state : { ...state, status: 'cancelled' };
    default:
      return assertNever(event);
  }
}

export const trainingDecider = {
  decide: decideTraining,
  evolve: evolveTraining,
  initialState: initialTrainingState,
} as const;
