import { type DomainError, domainError } from '../shared/domain-error.ts';
import { assertNever, err, ok, type Result } from '../shared/result.ts';
import type { ClientCommand, CompleteReviewAction, ScheduleClientReview } from './client-commands.ts';
import { type ClientContextKind, type ClientEvent, clientEvent, type ReviewActionOutcome } from './client-events.ts';

export interface ClientContextPeriod {
  readonly from: string;
  readonly to?: string;
  readonly reason: string;
}

/** The client stream holds the hotline's follow-up of a client; the client itself is known elsewhere (CRM). */
export interface ClientState {
  readonly contexts: Readonly<Partial<Record<ClientContextKind, ClientContextPeriod>>>;
  readonly reviews: Readonly<Record<string, 'scheduled' | 'held'>>;
  /** Per held review, each action decided, in the order of the minutes: open until completed. */
  readonly actions: Readonly<Record<string, readonly ('open' | ReviewActionOutcome)[]>>;
}

export const initialClientState: ClientState = { contexts: {}, reviews: {}, actions: {} };

type Decision = Result<ClientEvent[], DomainError>;

function refuse(code: string, command: ClientCommand, why: string): Decision {
  return err(domainError(code, `Cannot ${command.type} for client ${command.clientId}: ${why}`));
}

export function decideClient(command: ClientCommand, state: ClientState): Decision {
  switch (command.type) {
    case 'FlagClientContext': {
      if (state.contexts[command.kind] !== undefined) {
        return refuse('client.context_already_flagged', command, `it is already flagged ${command.kind}`);
      }
      // ISO dates compare as strings.
      if (command.to !== undefined && command.to < command.from) {
        return refuse('client.context_period_invalid', command, `${command.to} is before ${command.from}`);
      }
      const { type: _type, ...flag } = command;
      return ok([clientEvent('ClientContextFlagged', flag)]);
    }
    case 'ClearClientContext': {
      if (state.contexts[command.kind] === undefined) {
        return refuse('client.context_not_flagged', command, `it is not flagged ${command.kind}`);
      }
      const { type: _type, ...clearing } = command;
      return ok([clientEvent('ClientContextCleared', clearing)]);
    }
    case 'ScheduleClientReview':
      return scheduleReview(command, state);
    case 'RecordClientReview': {
      const review = state.reviews[command.reviewId];
      if (review === undefined) return refuse('client.review_not_scheduled', command, `no review ${command.reviewId}`);
      if (review === 'held')
        return refuse('client.review_already_held', command, `review ${command.reviewId} was held`);
      const { type: _type, ...minutes } = command;
      return ok([clientEvent('ClientReviewHeld', minutes)]);
    }
    case 'CompleteReviewAction':
      return completeAction(command, state);
    default:
      return assertNever(command);
  }
}

/**
 * A review is requested by the client, or by the hotline because of a context still flagged; it may
 * name the period its client report covers. Without `requestedBy`, the client asked (version 1 events
 * written before the field existed read so).
 */
function scheduleReview(command: ScheduleClientReview, state: ClientState): Decision {
  if (state.reviews[command.reviewId] !== undefined) {
    return refuse('client.review_already_scheduled', command, `review ${command.reviewId} exists`);
  }
  if (command.requestedBy === 'context') {
    if (command.context === undefined) {
      return refuse('client.review_reason_invalid', command, 'a review for a context names the context');
    }
    if (state.contexts[command.context] === undefined) {
      return refuse('client.review_context_not_flagged', command, `the client is not flagged ${command.context}`);
    }
  } else if (command.context !== undefined) {
    return refuse('client.review_reason_invalid', command, 'only a review requested for a context names one');
  }
  if (command.period !== undefined && command.period.to < command.period.from) {
    return refuse('client.review_period_invalid', command, `${command.period.to} is before ${command.period.from}`);
  }
  const { type: _type, ...schedule } = command;
  return ok([clientEvent('ClientReviewScheduled', schedule)]);
}

/** An action of a held review is closed once: done, or dropped with the reason in the note. */
function completeAction(command: CompleteReviewAction, state: ClientState): Decision {
  const action = state.actions[command.reviewId]?.[command.action];
  if (action === undefined) {
    return refuse('client.review_action_unknown', command, `no action ${command.action} in review ${command.reviewId}`);
  }
  if (action !== 'open') {
    return refuse('client.review_action_already_closed', command, `action ${command.action} is ${action}`);
  }
  if (command.outcome === 'dropped' && command.note === undefined) {
    return refuse('client.review_action_reason_missing', command, 'a dropped action says why in its note');
  }
  const { type: _type, ...completion } = command;
  return ok([clientEvent('ReviewActionCompleted', completion)]);
}

export function evolveClient(state: ClientState, event: ClientEvent): ClientState {
  switch (event.type) {
    case 'ClientContextFlagged': {
      const { from, to, reason } = event;
      return { ...state, contexts: { ...state.contexts, [event.kind]: { from, to, reason } } };
    }
    case 'ClientContextCleared': {
      const { [event.kind]: _cleared, ...contexts } = state.contexts;
      return { ...state, contexts };
    }
    case 'ClientReviewScheduled':
      return { ...state, reviews: { ...state.reviews, [event.reviewId]: 'scheduled' } };
    case 'ClientReviewHeld':
      return {
        ...state,
        reviews: { ...state.reviews, [event.reviewId]: 'held' },
        actions: { ...state.actions, [event.reviewId]: event.actions.map(() => 'open' as const) },
      };
    case 'ReviewActionCompleted': {
      const actions = [...(state.actions[event.reviewId] ?? [])];
      actions[event.action] = event.outcome;
      return { ...state, actions: { ...state.actions, [event.reviewId]: actions } };
    }
    default:
      return assertNever(event);
  }
}

export const clientDecider = { decide: decideClient, evolve: evolveClient, initialState: initialClientState } as const;
