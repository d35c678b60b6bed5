import type { Metrics } from '@hotline/runtime';
import type { Admin } from 'kafkajs';
import { exportLag, type LagExport, type LagExportOptions, type LagReading } from '../bus/lag-export.ts';

/** What the lag of one group member is measured on: its group, its topic and the partitions it owns. */
export interface LagSource {
  readonly group: string;
  readonly topic: string;
  /** Where the group starts without a committed offset: the partition's start, or its end. */
  readonly fromBeginning: boolean;
  /** The partitions the group gave this member at its last join (none before it joined). */
  assigned(): readonly number[];
}

export interface PartitionLag {
  readonly partition: number;
  readonly lag: number;
}

/**
 * Messages between the group's committed offset and the partition's end, for the partitions the
 * member owns: each replica reports its own share, so summing over replicas gives the group's lag.
 * The committed offset moves only once a message is handled (`kafka-consumer.ts`), so a member
 * stuck on a message shows every message behind it.
 */
export async function measureConsumerLag(admin: Admin, source: LagSource): Promise<PartitionLag[]> {
  const assigned = source.assigned();
  if (assigned.length === 0) return [];
  const [ends, committed] = await Promise.all([
    admin.fetchTopicOffsets(source.topic),
    admin.fetchOffsets({ groupId: source.group, topics: [source.topic] }),
  ]);
  const committedOf = new Map(
    (committed.find(({ topic }) => topic === source.topic)?.partitions ?? []).map(({ partition, offset }) => [
      partition,
      BigInt(offset),
    ]),
  );
  return ends
    .filter(({ partition }) => assigned.includes(partition))
    .map(({ partition, high, low }) => {
      const end = BigInt(high);
      // -1: nothing committed yet; the member reads from the start of the partition or from its end.
      const offset = committedOf.get(partition) ?? -1n;
      const from = offset >= 0n ? offset : source.fromBeginning ? BigInt(low) : end;
      return { partition, lag: Number(end > from ? end - from : 0n) };
    });
}

/**
 * Feeds `hotline_consumer_lag_messages{topic, partition, group}` every `intervalMs` from the members
 * `sources()` lists; a partition a member no longer owns (a rebalance, a stop) leaves the gauge.
 */
export function exportConsumerLag(
  admin: Admin,
  metrics: Pick<Metrics, 'registry'>,
  sources: () => Iterable<LagSource>,
  options: LagExportOptions = {},
): LagExport {
  return exportLag(
    metrics,
    async () => {
      const readings: LagReading[] = [];
      for (const source of sources()) {
        for (const { partition, lag } of await measureConsumerLag(admin, source)) {
          readings.push({ topic: source.topic, partition, group: source.group, lag });
        }
      }
      return readings;
    },
    options,
  );
}
