import { inject } from 'vitest';
import type { KafkaEndpoint } from '../kafka/kafka-for-tests.ts';
import { startLocalKafka, stopLocalKafka } from '../kafka/local-kafka.ts';
import type { RedisEndpoint } from '../redis/redis-for-tests.ts';
import { type HotlineInfrastructure, infrastructureKey, type Provided } from './infrastructure.ts';

function infrastructure(): HotlineInfrastructure {
  const provided = inject(infrastructureKey as never) as HotlineInfrastructure | undefined;
  if (provided === undefined) {
    throw new Error("no infrastructure: add @hotline/testkit's global setup to this project's vitest config");
  }
  return provided;
}

function need<T>(what: string, piece: Provided<T> | undefined): Provided<T> {
  return piece ?? { available: false, reason: `the global setup was not asked for ${what}` };
}

/** The broker of this test run, or why there is none (`describe.skipIf(!kafka.available)`). */
export function kafkaInTests(): Provided<KafkaEndpoint> {
  return need('Kafka', infrastructure().kafka);
}

export function redisInTests(): Provided<RedisEndpoint> {
  return need('Redis', infrastructure().redis);
}

/** A suite title that says why it is skipped, since vitest prints no reason of its own. */
export function titled(title: string, piece: Provided<unknown>): string {
  return piece.available ? title : `${title} (skipped: ${piece.reason})`;
}

/**
 * Stops the test run's local broker and starts it again on the same ports and data (a broker
 * outage); undefined when the broker is not a local process this run owns.
 */
export function brokerRestarter(endpoint: KafkaEndpoint): ((downMs?: number) => Promise<void>) | undefined {
  const dir = endpoint.localDir;
  if (dir === undefined) return undefined;
  const ownerPid = infrastructure().ownerPid;
  return async (downMs = 0) => {
    await stopLocalKafka(dir);
    if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
    await startLocalKafka({ dir, ownerPid });
  };
}
