import type { PartitionLog } from './partition-log.ts';

/** What a group member does with a partition it was given: reads it from `from` until `signal` aborts. */
export type PartitionWorker = (
  partition: number,
  from: number,
  signal: AbortSignal,
  commit: (next: number) => boolean,
) => Promise<void>;

interface Member {
  id: number;
  work: PartitionWorker;
}

interface Ownership {
  member: Member;
  /** Stops the owner's loop, which still commits the message it had in hand. */
  controller: AbortController;
  /** A killed owner's commits are refused, as a dead process's would never arrive. */
  killed: boolean;
  stopped: Promise<void>;
}

/**
 * A consumer group over one in-process topic: committed offsets per partition, partitions shared
 * out round robin among the members, and handed over on every join or leave. A partition changes
 * hands only once its previous owner has finished the message in hand (or was killed, in which
 * case what it had not committed is delivered again to the next owner).
 */
export class ConsumerGroup {
  readonly name: string;
  #logs: readonly PartitionLog[];
  #committed: number[];
  #members: Member[] = [];
  #owners = new Map<number, Ownership>();
  #rebalancing: Promise<void> = Promise.resolve();
  #nextId = 1;
  #onCommit: (partition: number) => void;

  constructor(
    name: string,
    logs: readonly PartitionLog[],
    fromBeginning: boolean,
    onCommit: (partition: number) => void,
  ) {
    this.name = name;
    this.#logs = logs;
    this.#onCommit = onCommit;
    this.#committed = logs.map((log) => (fromBeginning ? log.start : log.end));
  }

  /** A group without members owns no partition: nobody is late. */
  get hasMembers(): boolean {
    return this.#members.length > 0;
  }

  committed(partition: number): number {
    return this.#committed[partition] ?? 0;
  }

  join(work: PartitionWorker): Promise<number> {
    const member = { id: this.#nextId++, work };
    this.#members.push(member);
    return this.#rebalance().then(() => member.id);
  }

  /** A graceful leave: the member's loops finish their message in hand and commit first. */
  leave(memberId: number): Promise<void> {
    this.#members = this.#members.filter((member) => member.id !== memberId);
    return this.#rebalance();
  }

  /** A member that died: its partitions move on at once, from their last committed offsets. */
  kill(memberId: number): void {
    this.#members = this.#members.filter((member) => member.id !== memberId);
    for (const [partition, ownership] of this.#owners) {
      if (ownership.member.id === memberId) {
        ownership.killed = true;
        ownership.controller.abort();
        this.#owners.delete(partition);
      }
    }
    void this.#rebalance();
  }

  #rebalance(): Promise<void> {
    this.#rebalancing = this.#rebalancing.then(() => this.#assign());
    return this.#rebalancing;
  }

  async #assign(): Promise<void> {
    const wanted = new Map<number, Member>();
    if (this.#members.length > 0) {
      for (let partition = 0; partition < this.#logs.length; partition += 1) {
        wanted.set(partition, this.#members[partition % this.#members.length]!);
      }
    }
    const handovers: Promise<void>[] = [];
    for (const [partition, ownership] of this.#owners) {
      if (wanted.get(partition) !== ownership.member) {
        ownership.controller.abort();
        handovers.push(ownership.stopped);
        this.#owners.delete(partition);
      }
    }
    await Promise.all(handovers);
    for (const [partition, member] of wanted) {
      if (this.#owners.has(partition)) continue;
      const ownership: Ownership = {
        member,
        controller: new AbortController(),
        killed: false,
        stopped: Promise.resolve(),
      };
      const commit = (next: number) => {
        if (ownership.killed) return false;
        this.#committed[partition] = Math.max(this.#committed[partition] ?? 0, next);
        this.#onCommit(partition);
        return true;
      };
      ownership.stopped = member
        .work(partition, this.committed(partition), ownership.controller.signal, commit)
        .catch(() => {});
      this.#owners.set(partition, ownership);
    }
  }
}
