import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore } from '@hotline/eventstore';

/**
 * Waits until the store's head has not moved for `quietMs`: the consumers (triage's dispatch, the
 * SLA clock's facts) have finished reacting to what was accepted, so a later append is someone's new one.
 */
export async function settled(store: EventStore, quietMs = 120): Promise<bigint> {
  let head = await store.headPosition();
  let stableSince = Date.now();
  while (Date.now() - stableSince < quietMs) {
    await sleep(20);
    const now = await store.headPosition();
    if (now !== head) {
      head = now;
      stableSince = Date.now();
    }
  }
  return head;
}
