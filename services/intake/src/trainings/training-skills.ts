import {
  agentDecider,
  productDecider,
  steeringStreams,
  type TrainingSessionCompleted,
  trainingEventRegistry,
} from '@hotline/domain';
import type { RecordedEvent, Subscription } from '@hotline/eventstore';
import { executeCommand, type ServiceContext, streams } from '@hotline/platform';
import { ProblemError } from '@hotline/runtime';

/**
 * What a completed training changes elsewhere: each attendee gains the skill on the agent's own
 * stream (`AcquireSkill`, recorded as the `SkillsDeclared` that dispatch already reads), and the product
 * counts the agent as trained (`TrainingCompleted`, which reporting already reads).
 *
 * A process rather than one transaction: the training, the agents and the product are separate
 * streams and the store has no transaction across streams. It follows the store's log from the start
 * each time intake starts, and each of its commands is named after the training and the agent, so a
 * completion handled twice (a restart, two replicas) records nothing twice and a completion missed
 * by a crash is caught up at the next start. A refusal (an agent who left, a product never launched)
 * will never succeed: it is logged and the process goes on; so does any other failure, which the next
 * start retries.
 */
export function followTrainings(context: ServiceContext): Subscription {
  const { store, logger } = context;
  const stream = (trainingId: string) => steeringStreams.training(trainingId);
  return store.subscribe(
    async (recorded: RecordedEvent) => {
      const parsed = trainingEventRegistry.parseStored(recorded);
      if (!parsed.ok || parsed.value.type !== 'TrainingSessionCompleted') return;
      const completion: TrainingSessionCompleted = parsed.value;
      const causation = { causationId: recorded.id, correlationId: recorded.correlationId };
      for (const agentId of completion.attendees) {
        const { trainingId, product, level, by, at } = completion;
        await attempt(() =>
          executeCommand(store, {
            stream: streams.agent(agentId),
            decider: agentDecider,
            command: { type: 'AcquireSkill', agentId, product, level, trainingId, by, at },
            context: { commandId: `training-skill:${trainingId}:${agentId}`, actor: by, ...causation },
          }),
        );
        await attempt(() =>
          executeCommand(store, {
            stream: streams.product(product),
            decider: productDecider,
            command: { type: 'RecordTraining', product, agentId, by, at },
            context: { commandId: `training-product:${trainingId}:${agentId}`, actor: by, ...causation },
          }),
        );
      }
    },
    { filter: { streamPrefixes: [stream('')], eventTypes: ['TrainingSessionCompleted'] } },
  );

  async function attempt(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (error instanceof ProblemError && error.status < 500) {
        logger.warn({ err: error, code: error.problem.code }, 'a completed training could not be applied');
      } else {
        // The store failing now does not stop the others: the next start applies this one again.
        logger.error({ err: error }, 'a completed training was not applied; it will be at the next start');
      }
    }
  }
}
