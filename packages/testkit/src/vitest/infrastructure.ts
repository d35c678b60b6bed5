import type { KafkaEndpoint } from '../kafka/kafka-for-tests.ts';
import type { RedisEndpoint } from '../redis/redis-for-tests.ts';

/** What the global setup hands to the tests: the endpoint, or why there is none. */
export type Provided<T> = { available: true; endpoint: T } | { available: false; reason: string };

export interface HotlineInfrastructure {
  kafka?: Provided<KafkaEndpoint>;
  redis?: Provided<RedisEndpoint>;
  /** The test run's main process: local brokers restarted from a worker die with it. */
  ownerPid: number;
}

// Not a `ProvidedContext` augmentation: a package that reaches this file through node_modules
// cannot augment 'vitest' (TS2664), so the key is typed here and cast where it is used.
export const infrastructureKey = 'hotline.infrastructure';
