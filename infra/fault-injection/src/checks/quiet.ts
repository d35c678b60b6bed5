import type { EventStore } from '@hotline/eventstore';
import { measureRelayLag, type RelayCheckpoints } from '@hotline/messaging';
import type { Admin } from 'kafkajs';
import { behind, groupProgress } from './group-progress.ts';

export interface Quiet {
  readonly head: bigint;
  readonly waitedMs: number;
}

export interface QuietOptions {
  readonly store: EventStore;
  readonly admin: Admin;
  /** Where the relays keep the position they published up to (shared by the replicas). */
  readonly relayCheckpoints: Pick<RelayCheckpoints, 'load'>;
  /** Groups left out of the lag: the test's own, and those checked apart (the dashboard's live feed). */
  readonly ownGroups: readonly string[];
  readonly timeoutMs?: number;
  /** How long nothing may move for the system to count as quiet (3 s). */
  readonly stillMs?: number;
}

/**
 * Waits until the hotline has nothing left to do: the store's head has not moved for `stillMs`,
 * the relays have published up to it (after a relay is killed, its standby takes the lease only
 * once the lease expires, while nothing else moves), and every consumer group of the product
 * (reporting's included) has committed every message of its topics. A consumer stuck behind a
 * fault never gets there: the error then says who lags and by how much. (The groups' committed
 * offsets tell that every message was handled; reporting's /readyz position tells only how far its
 * records reached.)
 */
export async function untilQuiet(options: QuietOptions): Promise<Quiet> {
  const begun = Date.now();
  const deadline = begun + (options.timeoutMs ?? 90_000);
  const stillMs = options.stillMs ?? 3_000;
  let last: { head: bigint; since: number } | undefined;
  let state = '';
  for (;;) {
    const head = await options.store.headPosition();
    if (last === undefined || last.head !== head) last = { head, since: Date.now() };
    const lags = await consumerLags(options.admin, options.ownGroups).catch((error: unknown) => [
      `lags not measured: ${(error as Error).message}`,
    ]);
    const relay = await measureRelayLag(options.store, options.relayCheckpoints, Date.now());
    state = `store head ${head} (still for ${Date.now() - last.since} ms), relays ${relay.positions} behind, lags: ${lags.join(', ') || 'none'}`;
    if (Date.now() - last.since >= stillMs && relay.positions === 0n && lags.length === 0) {
      return { head, waitedMs: Date.now() - begun };
    }
    if (Date.now() > deadline) throw new Error(`the hotline did not settle within ${deadline - begun} ms: ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * `group topic[partition] +lag` for every partition a product group has not committed to the end of;
 * `ownGroups` are left out, a name ending in `*` standing for every group it starts.
 */
export async function consumerLags(admin: Admin, ownGroups: readonly string[]): Promise<string[]> {
  const { groups } = await admin.listGroups();
  const lags: string[] = [];
  const ends = new Map<string, Promise<Map<number, bigint>>>();
  for (const { groupId } of groups) {
    if (ownGroups.some((own) => groupId === own || (own.endsWith('*') && groupId.startsWith(own.slice(0, -1)))))
      continue;
    for (const { topic } of await admin.fetchOffsets({ groupId })) {
      for (const progress of await groupProgress(admin, groupId, topic, ends)) {
        // A partition the group never committed to counts only when it holds messages.
        if (behind(progress) > 0n) lags.push(`${groupId} ${topic}[${progress.partition}] +${behind(progress)}`);
      }
    }
  }
  return lags;
}
