/** A consumer's state for one key and the position of the last event applied to it. */
export interface Checkpointed<State> {
  state: State;
  position: bigint;
}

/**
 * A consumer's own state kept together with the last event position it applied, per key, and
 * written atomically with it: applying an event that is at or before that position does nothing,
 * so a redelivered event (at-least-once) has no second effect.
 *
 * The key must be one whose events arrive in order: the message key (the stream id on
 * support.events.v1). Across keys there is no order on a partitioned topic, so one position for a
 * whole consumer would wrongly skip events of other keys.
 */
export interface CheckpointedState<State> {
  get(key: string): Promise<Checkpointed<State> | undefined>;
  /**
   * Applies `update` to the key's state (undefined for a key never seen) unless `position` was
   * already applied; 'duplicate' when it was, and nothing changed.
   */
  apply(key: string, position: bigint, update: (state: State | undefined) => State): Promise<'applied' | 'duplicate'>;
}

/** The embedded mode's checkpointed state: a map, as durable as the process. */
export class MemoryCheckpointedState<State> implements CheckpointedState<State> {
  #entries = new Map<string, Checkpointed<State>>();

  async get(key: string): Promise<Checkpointed<State> | undefined> {
    return this.#entries.get(key);
  }

  async apply(
    key: string,
    position: bigint,
    update: (state: State | undefined) => State,
  ): Promise<'applied' | 'duplicate'> {
    const current = this.#entries.get(key);
    if (current !== undefined && position <= current.position) return 'duplicate';
    this.#entries.set(key, { state: update(current?.state), position });
    return 'applied';
  }
}
