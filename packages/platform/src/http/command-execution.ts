import type { DomainError } from '@hotline/domain';
import type { EventStore, RecordedEvent } from '@hotline/eventstore';
import {
  type CommandContext,
  type DomainEventShape,
  DuplicateEventIdError,
  handleCommand,
  RevisionConflictError,
  type StreamDecider,
} from '@hotline/eventstore';
import { domainErrorToProblem, ProblemError, unpairedSurrogateAt } from '@hotline/runtime';
import { domainErrorStatus } from './domain-statuses.ts';

export interface Executed<E, S> {
  readonly events: readonly E[];
  readonly state: S;
  readonly revision: bigint;
  /** False for a replayed command: nothing new was recorded. */
  readonly written: boolean;
}

/** A domain refusal as the problem document a client reads. */
export function refusalProblem(error: DomainError, instance?: string): ProblemError {
  const status = domainErrorStatus(error.code);
  return new ProblemError(
    domainErrorToProblem(error, { [error.code]: status }, instance === undefined ? {} : { instance }),
  );
}

/**
 * Runs a command through its decider against its stream, for a route or a consumer: a refusal
 * becomes a problem (404, 409 or 422), writers that keep colliding a 409, never a merge, and a
 * command id already spent on another command (a reused Idempotency-Key) a 422. Text
 * that is not Unicode (an unpaired surrogate, which a JSON message can carry) is refused with a
 * 400 naming the field before anything is decided: stored, it would break its stream's hash chain.
 */
export async function executeCommand<C, E extends DomainEventShape, S>(
  store: EventStore,
  options: {
    stream: string;
    decider: StreamDecider<C, E, S, DomainError>;
    command: C;
    context: CommandContext;
    /** See `HandleCommandOptions.history`. */
    history?: readonly RecordedEvent[];
  },
  instance?: string,
): Promise<Executed<E, S>> {
  const notUnicode = unpairedSurrogateAt({ ...options.command, actor: options.context.actor, stream: options.stream });
  if (notUnicode !== undefined) {
    throw new ProblemError({
      status: 400,
      code: 'command.not_unicode',
      detail: `${notUnicode} holds an unpaired surrogate: it is not Unicode text.`,
      field: notUnicode,
      ...(instance === undefined ? {} : { instance }),
    });
  }
  try {
    const outcome = await handleCommand(store, options);
    if (!outcome.ok) throw refusalProblem(outcome.error, instance);
    return outcome;
  } catch (error) {
    if (error instanceof DuplicateEventIdError) {
      // The command's id (an Idempotency-Key, a message id) already recorded another command's events:
      // a client reusing a key for a new request, which the IETF Idempotency-Key draft answers with 422.
      throw new ProblemError({
        status: 422,
        code: 'command.id_reused',
        detail: `This request's identity (its Idempotency-Key or message id) was already used for another request; send a new one.`,
        ...(instance === undefined ? {} : { instance }),
      });
    }
    if (!(error instanceof RevisionConflictError)) throw error;
    throw refusalProblem(
      {
        code: 'stream.revision_conflict',
        message: `${options.stream} kept changing while the command was decided; try again`,
        details: { stream: error.stream },
      },
      instance,
    );
  }
}
