import type { Availability } from '../availability.ts';
import { containerRuntimeUnavailable } from '../containers.ts';
import { isListening } from '../net/ports.ts';
import { localRedisUnavailable, startLocalRedis } from './local-redis.ts';

export type RedisSource = 'environment' | 'local-port' | 'container' | 'local-process';

export interface RedisEndpoint {
  url: string;
  source: RedisSource;
  startMs: number;
}

export interface RedisForTests {
  endpoint: RedisEndpoint;
  stop(): Promise<void>;
}

const containerImage = 'redis:7.4-alpine';

/**
 * A Redis server for tests, from the first source that has one: `REDIS_URL`, a server on
 * 127.0.0.1:6379, a container, a local `redis-server` process. Tests share a server, so each
 * test keeps to keys under its own random prefix rather than flushing the database.
 */
export async function redisForTests(): Promise<Availability<RedisForTests>> {
  const begun = Date.now();
  const fromEnvironment = process.env.REDIS_URL;
  if (fromEnvironment !== undefined && fromEnvironment.trim() !== '') {
    return found(fromEnvironment.trim(), 'environment', begun, async () => {});
  }
  if (await isListening('127.0.0.1', 6379)) return found('redis://127.0.0.1:6379', 'local-port', begun, async () => {});
  const noContainers = await containerRuntimeUnavailable();
  if (noContainers === undefined) {
    const { GenericContainer } = await import('testcontainers');
    const container = await new GenericContainer(containerImage).withExposedPorts(6379).start();
    const url = `redis://${container.getHost()}:${container.getMappedPort(6379)}`;
    return found(url, 'container', begun, async () => {
      await container.stop();
    });
  }
  const noLocalProcess = localRedisUnavailable();
  if (noLocalProcess !== undefined) {
    return {
      available: false,
      reason: `no Redis: REDIS_URL unset, nothing on :6379, ${noContainers}, ${noLocalProcess}`,
    };
  }
  const local = await startLocalRedis();
  return found(local.url, 'local-process', begun, local.stop);
}

function found(
  url: string,
  source: RedisSource,
  begun: number,
  stop: () => Promise<void>,
): Availability<RedisForTests> {
  return { available: true, value: { endpoint: { url, source, startMs: Date.now() - begun }, stop } };
}
