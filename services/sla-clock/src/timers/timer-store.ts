/** One ticket's timer as the SLA clock's read model computed it. */
export interface TimerSchedule {
  readonly ticketId: string;
  /** When to fire (epoch ms), possibly past (fire at once); null: nothing to wait for. */
  readonly at: number | null;
  /**
   * Global position of the last event this schedule was computed from. A schedule older than the
   * stored one is ignored, so a replica that lags behind never overwrites a newer one.
   */
  readonly version: bigint;
  /** The ticket ended and waits for nothing more: its version is dropped along with its timer. */
  readonly forget?: boolean;
}

/** A timer taken by one firer: the others do not see it until `leaseUntil`. */
export interface TimerClaim {
  readonly ticketId: string;
  /** The instant the timer was due when claimed. */
  readonly at: number;
  /** The schedule's version when claimed; null for a ticket whose version was dropped. */
  readonly version: bigint | null;
  readonly leaseUntil: number;
  /** An earlier claim lapsed without completing: its firer died or stalled on the way. */
  readonly retry: boolean;
}

/**
 * Durable timers, one per ticket (the next crossing it waits for). Claiming leases a timer instead of
 * removing it: a firer killed mid-way loses nothing, its timer comes due again when the lease lapses,
 * and the store's idempotent append makes that second firing add nothing already raised.
 * `test/timer-store-contract.ts` is the contract every adapter passes.
 */
export interface TimerStore {
  /** True when several replicas share the timers (they may change without this process knowing). */
  readonly shared: boolean;
  /** Writes each schedule unless a newer version is stored; a newer schedule supersedes a lease. */
  schedule(schedules: readonly TimerSchedule[]): Promise<void>;
  /** Takes up to `limit` timers due at `now`, earliest first, leasing each until `leaseUntil`. */
  claimDue(now: number, limit: number, leaseUntil: number): Promise<TimerClaim[]>;
  /**
   * Ends a claim: the timer moves to `nextAt`, or leaves when null. False, and nothing changes, when
   * the claim no longer holds (its lease was taken over, or a newer schedule was written meanwhile).
   */
  complete(claim: TimerClaim, nextAt: number | null): Promise<boolean>;
  /** The earliest timer, leased ones included (at their lease's end); null when there is none. */
  nextAt(): Promise<number | null>;
  size(): Promise<number>;
  close(): Promise<void>;
}
