import type { TestProject } from 'vitest/node';
import { type Availability, requiredInCi } from '../availability.ts';
import { type KafkaForTests, kafkaForTests } from '../kafka/kafka-for-tests.ts';
import { type RedisForTests, redisForTests } from '../redis/redis-for-tests.ts';
import { type HotlineInfrastructure, infrastructureKey, type Provided } from './infrastructure.ts';

export interface InfrastructureNeeds {
  kafka?: boolean;
  redis?: boolean;
}

interface Shared {
  kafka?: Promise<Availability<KafkaForTests>>;
  redis?: Promise<Availability<RedisForTests>>;
  users: number;
}

// Every project's global setup runs in vitest's main process; keeping what was started on
// globalThis (not in this module, which each project may load anew) gives one broker per test run.
const sharedKey = Symbol.for('hotline.testkit.infrastructure');
const holder = globalThis as { [sharedKey]?: Shared };

/**
 * The body of a vitest `globalSetup`: obtains the infrastructure once per run, hands its endpoints
 * to the tests (`inject('hotline.infrastructure')`), and stops what it started after the last project.
 * Where a piece is missing, tests skip with the reason; where `CI` is set, the run fails instead.
 */
export async function provideInfrastructure(
  project: TestProject,
  needs: InfrastructureNeeds,
): Promise<() => Promise<void>> {
  holder[sharedKey] ??= { users: 0 };
  const shared = holder[sharedKey];
  shared.users += 1;
  if (needs.kafka) shared.kafka ??= kafkaForTests().catch((error: unknown) => failed('Kafka', error));
  if (needs.redis) shared.redis ??= redisForTests().catch((error: unknown) => failed('Redis', error));
  const provided: HotlineInfrastructure = { ownerPid: process.pid };
  if (needs.kafka && shared.kafka) provided.kafka = toProvided('Kafka', await shared.kafka);
  if (needs.redis && shared.redis) provided.redis = toProvided('Redis', await shared.redis);
  for (const [name, piece] of Object.entries(provided)) {
    if (typeof piece === 'object' && piece.available) {
      console.info(`[testkit] ${name}: ${JSON.stringify(piece.endpoint)}`);
    }
  }
  project.provide(infrastructureKey as never, provided as never);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    const started = await Promise.all([shared.kafka, shared.redis]);
    holder[sharedKey] = undefined;
    for (const piece of started) if (piece?.available) await piece.value.stop();
  };
}

/** A source that was there but did not work (an unreachable KAFKA_BROKERS, a broker that would not start). */
function failed<T>(what: string, error: unknown): Availability<T> {
  return { available: false, reason: `${what} is not usable: ${(error as Error).message}` };
}

function toProvided<T extends { endpoint: unknown }>(
  what: string,
  availability: Availability<T>,
): Provided<T['endpoint']> {
  if (availability.available) return { available: true, endpoint: availability.value.endpoint };
  if (requiredInCi()) throw new Error(`${what} is required where CI is set: ${availability.reason}`);
  console.warn(`[testkit] ${what} tests will be skipped: ${availability.reason}`);
  return { available: false, reason: availability.reason };
}
