import { Kafka, logLevel } from 'kafkajs';
import type { Availability } from '../availability.ts';
import { containerRuntimeUnavailable } from '../containers.ts';
import { isListening } from '../net/ports.ts';
import { destroyLocalKafka, localKafkaUnavailable, startLocalKafka } from './local-kafka.ts';

export type KafkaSource = 'environment' | 'local-port' | 'container' | 'local-process';

/** A broker tests can use; serializable, so vitest's global setup can hand it to the workers. */
export interface KafkaEndpoint {
  brokers: string[];
  source: KafkaSource;
  /** The local process's folder: tests may stop and restart that broker (`restartLocalKafka`). */
  localDir?: string;
  /** How long obtaining the broker took (start included). */
  startMs: number;
  /** The smallest consumer session timeout the broker accepts (`group.min.session.timeout.ms`). */
  minSessionTimeoutMs: number;
}

export interface KafkaForTests {
  endpoint: KafkaEndpoint;
  stop(): Promise<void>;
}

// The broker default; our own local brokers lower it (see local-kafka.ts).
const defaultMinSessionTimeoutMs = 6000;
const defaultPort = 9092;
const containerImage = 'confluentinc/cp-kafka:7.9.2';

/**
 * A Kafka broker for tests, from the first source that has one: `KAFKA_BROKERS`, a broker already
 * listening on 127.0.0.1:9092, a container (where a container runtime answers), a local process
 * from the Maven Central jars (infra/kafka). Otherwise, why none could be had.
 */
export async function kafkaForTests(): Promise<Availability<KafkaForTests>> {
  const begun = Date.now();
  const fromEnvironment = process.env.KAFKA_BROKERS;
  if (fromEnvironment !== undefined && fromEnvironment.trim() !== '') {
    const brokers = fromEnvironment.split(',').map((broker) => broker.trim());
    await checkBroker(brokers);
    return found({ brokers, source: 'environment', startMs: Date.now() - begun }, async () => {});
  }
  if (await isListening('127.0.0.1', defaultPort)) {
    const brokers = [`127.0.0.1:${defaultPort}`];
    if (await answers(brokers)) {
      return found({ brokers, source: 'local-port', startMs: Date.now() - begun }, async () => {});
    }
  }
  const noContainers = await containerRuntimeUnavailable();
  if (noContainers === undefined) {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const container = await new KafkaContainer(containerImage).withKraft().start();
    const brokers = [`${container.getHost()}:${container.getMappedPort(9093)}`];
    return found({ brokers, source: 'container', startMs: Date.now() - begun }, async () => {
      await container.stop();
    });
  }
  const noLocalProcess = localKafkaUnavailable();
  if (noLocalProcess !== undefined) {
    return {
      available: false,
      reason: `no Kafka: KAFKA_BROKERS unset, nothing on :${defaultPort}, ${noContainers}, ${noLocalProcess}`,
    };
  }
  const local = await startLocalKafka();
  return {
    available: true,
    value: {
      endpoint: {
        brokers: local.brokers,
        source: 'local-process',
        localDir: local.dir,
        startMs: Date.now() - begun,
        minSessionTimeoutMs: 1000,
      },
      stop: () => destroyLocalKafka(local.dir),
    },
  };
}

function found(
  endpoint: Omit<KafkaEndpoint, 'minSessionTimeoutMs'>,
  stop: () => Promise<void>,
): Availability<KafkaForTests> {
  return {
    available: true,
    value: { endpoint: { ...endpoint, minSessionTimeoutMs: defaultMinSessionTimeoutMs }, stop },
  };
}

async function answers(brokers: string[]): Promise<boolean> {
  try {
    await checkBroker(brokers);
    return true;
  } catch {
    return false;
  }
}

async function checkBroker(brokers: string[]): Promise<void> {
  const admin = new Kafka({
    clientId: 'hotline-testkit',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    retry: { retries: 2 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}
