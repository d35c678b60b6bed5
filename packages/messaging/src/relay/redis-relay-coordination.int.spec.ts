import { type EventStore, openMemoryStore } from '@hotline/eventstore';
import { afterAll, describe, expect, it } from 'vitest';
import { appendTickets, testEventsTopic } from '../../test/relay-scenarios.ts';
import { eventually } from '../../test/support/eventually.ts';
import { closeRedisClients, keyPrefix, noRedis, redisClient } from '../../test/support/redis.ts';
import { InProcessBus, silentLogger } from '../index.ts';
import { EventRelay } from './event-relay.ts';
import { RedisRelayCoordination } from './redis-relay-coordination.ts';
import { relayCoordinationContract } from './relay-coordination-contract.ts';

relayCoordinationContract(
  'redis',
  async () => {
    const prefix = keyPrefix();
    return {
      holder: (owner, leaseTtlMs) => {
        const redis = redisClient();
        const holder = new RedisRelayCoordination({ redis, prefix, owner, leaseTtlMs });
        return Object.assign(holder, { kill: () => redis.disconnect() });
      },
      expireLease: async () => {
        await redisClient().del(`${prefix}:lease`);
      },
      close: closeRedisClients,
    };
  },
  noRedis,
);

describe.skipIf(noRedis !== undefined)(
  `one active relay, fenced through Redis${noRedis ? ` (skipped: ${noRedis})` : ''}`,
  () => {
    const stores: EventStore[] = [];
    const relays: EventRelay[] = [];
    afterAll(async () => {
      await Promise.all(relays.map((relay) => relay.stop()));
      await Promise.all(stores.map((store) => store.close()));
      await closeRedisClients();
    });

    it('keeps one relay active; the standby takes over from the checkpoint when it stops', async () => {
      const prefix = keyPrefix();
      const store = await openMemoryStore();
      stores.push(store);
      const bus = new InProcessBus({ logger: silentLogger });
      const topic = testEventsTopic(2);
      const seen: string[] = [];
      await bus.consume({ group: 'g', topic, handler: (m) => void seen.push(m.headers.position) });
      const relay = () => {
        const coordination = new RedisRelayCoordination({ redis: redisClient(), prefix, leaseTtlMs: 300 });
        const started = new EventRelay({
          store,
          bus,
          checkpoints: coordination,
          leadership: coordination,
          topic,
          logger: silentLogger,
        }).start();
        relays.push(started);
        return started;
      };
      const first = relay();
      await eventually(() => expect(first.state).toBe('active'));
      const second = relay();
      await appendTickets(store, 3, 4);
      await first.waitFor(await store.headPosition());
      expect(second.state).toBe('standby');
      await first.stop();
      await appendTickets(store, 3, 4, 4);
      await eventually(() => expect(second.state).toBe('active'), 5000);
      await second.waitFor(await store.headPosition());
      expect(new Set(seen).size).toBe(24);
    });

    it('stands a relay down when another took its lease, before it moves the checkpoint', async () => {
      const prefix = keyPrefix();
      const store = await openMemoryStore();
      stores.push(store);
      const bus = new InProcessBus({ logger: silentLogger });
      const topic = testEventsTopic(2);
      const coordination = new RedisRelayCoordination({ redis: redisClient(), prefix, leaseTtlMs: 300 });
      const zombie = new EventRelay({
        store,
        bus,
        checkpoints: coordination,
        leadership: coordination,
        topic,
        logger: silentLogger,
      }).start();
      relays.push(zombie);
      await eventually(() => expect(zombie.state).toBe('active'));
      // Someone else holds the lease now (the zombie's expired while it was paused).
      const usurper = new RedisRelayCoordination({ redis: redisClient(), prefix, leaseTtlMs: 60_000 });
      await redisClient().del(`${prefix}:lease`);
      const lease = await usurper.acquire(new AbortController().signal);
      await eventually(() => expect(zombie.state).toBe('standby'), 5000);
      await appendTickets(store, 2, 2);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await coordination.load()).toBe(0n);
      await lease.release();
      await zombie.waitFor(await store.headPosition());
    });
  },
);
