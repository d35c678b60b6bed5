import type { Admin } from 'kafkajs';

/** How far a consumer group got in one partition: its committed offset (-1: none yet) and the end. */
export interface PartitionProgress {
  readonly partition: number;
  readonly committed: bigint;
  readonly end: bigint;
}

/** Messages of the partition the group has not committed past. */
export const behind = ({ committed, end }: PartitionProgress) => end - (committed < 0n ? 0n : committed);

/**
 * A group's committed offsets in a topic against the topic's ends, by partition, every partition
 * of the topic included. `ends` caches the topics' ends between calls of one check.
 */
export async function groupProgress(
  admin: Admin,
  groupId: string,
  topic: string,
  ends = new Map<string, Promise<Map<number, bigint>>>(),
): Promise<PartitionProgress[]> {
  if (!ends.has(topic)) {
    const offsets = admin.fetchTopicOffsets(topic);
    ends.set(
      topic,
      offsets.then((each) => new Map(each.map(({ partition, high }) => [partition, BigInt(high)]))),
    );
  }
  const [endOf, [offsets]] = await Promise.all([ends.get(topic)!, admin.fetchOffsets({ groupId, topics: [topic] })]);
  const committedOf = new Map(offsets?.partitions.map(({ partition, offset }) => [partition, BigInt(offset)]));
  return [...endOf]
    .sort(([a], [b]) => a - b)
    .map(([partition, end]) => ({ partition, committed: committedOf.get(partition) ?? -1n, end }));
}
