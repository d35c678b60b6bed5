import type { EventStore } from '@hotline/eventstore';
import type { Bus } from '@hotline/messaging';
import type { Logger } from '@hotline/runtime';
import { ReportingView } from '../queries/reporting-view.ts';
import { rebuildRecords } from '../rebuild/rebuild.ts';
import { busFeed, type RunningFeed, storeFeed } from './event-feeds.ts';
import { settleHeap } from './heap-settling.ts';
import { Projector } from './projector.ts';
import { MemoryRecordStore, type RecordFollower, type RecordStore } from './record-store.ts';
import { recordKindOf } from './stream-records.ts';

export interface ProjectionsOptions {
  readonly store: EventStore;
  readonly bus: Bus;
  readonly logger: Logger;
  /** Memory by default (embedded mode): rebuilt from the store at start. */
  readonly records?: RecordStore;
  /** support.events.v1 (the default), or the store's log directly (a process without a relay). */
  readonly feed?: 'bus' | 'store';
  readonly group?: string;
  /** The service's clock: the start judges every open ticket at its `now` before the projections report ready. */
  readonly now?: () => number;
  /**
   * How often (ms) the view reads again, at the clock's now, the open tickets whose reading lapsed
   * and the tickets changed meanwhile, so that queries find them read (1 s by default; 0: never,
   * queries do it).
   */
  readonly renewEveryMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
/** Changed tickets summed in one turn of the event loop by the renewal: about 2 ms of judging. */
const RENEWAL_SLICE = 64;

/**
 * The reporting projections at run time: the records (memory or Redis) fed by the events, and the
 * query side's view of them. In memory the records are first rebuilt from the store, then follow the
 * feed; in Redis they persist, and the feed resumes where the consumer group left off.
 */
export class ReportingProjections {
  readonly view = new ReportingView();
  readonly records: RecordStore;
  readonly #options: ProjectionsOptions;
  readonly #projector: Projector;
  #feed: RunningFeed | undefined;
  #follower: RecordFollower | undefined;
  #ready: Promise<void> | undefined;
  #started = false;
  #renewal: ReturnType<typeof setInterval> | undefined;
  #renewing = false;
  #verifiedUpTo = 0n;
  #applied = 0;

  constructor(options: ProjectionsOptions) {
    this.#options = options;
    this.records = options.records ?? new MemoryRecordStore();
    this.#projector = new Projector(this.records, options.store);
  }

  /** Whether the start is over: records loaded, the view's tallies built and every ticket judged once (`/readyz`). */
  get started(): boolean {
    return this.#started;
  }

  /** Events folded in since start (redeliveries not counted). */
  get applied(): number {
    return this.#applied;
  }

  start(): Promise<void> {
    this.#ready ??= this.#start();
    return this.#ready;
  }

  async #start(): Promise<void> {
    const { store, bus, logger } = this.#options;
    let after = 0n;
    if (this.records instanceof MemoryRecordStore) {
      const started = Date.now();
      const rebuilt = await rebuildRecords(store);
      this.records.replaceAll(rebuilt.records);
      after = rebuilt.position;
      logger.info(
        { records: rebuilt.records.size, ms: Date.now() - started },
        'reporting records rebuilt from the store',
      );
    }
    this.#follower = await this.records.follow(this.view);
    // Every ticket judged and tallied now rather than by the first query (seconds at 100,000
    // tickets), then the start's garbage collected, before the service reports ready.
    const judged = Date.now();
    this.view.tallies((this.#options.now ?? Date.now)());
    settleHeap();
    logger.info({ tickets: this.view.tickets.size, ms: Date.now() - judged }, 'reporting tickets judged at start');
    this.#started = true;
    const every = this.#options.renewEveryMs ?? 1_000;
    if (every > 0) {
      // Off the query path: as the clock passes due instants, whole overrun days and warning
      // crossings, the readings that lapse (hundreds may lapse at one instant) are made here.
      this.#renewal = setInterval(() => {
        if (this.#renewing) return;
        this.#renewing = true;
        this.#renew().then(
          () => (this.#renewing = false),
          (error: unknown) => {
            this.#renewing = false;
            logger.warn({ err: error }, 'reporting readings not renewed (the next query tries again)');
          },
        );
      }, every);
      this.#renewal.unref();
    }
    const onProjected = (outcome: string) => {
      if (outcome === 'applied') this.#applied++;
    };
    this.#feed =
      this.#options.feed === 'store'
        ? storeFeed(store, this.#projector, onProjected, after)
        : await busFeed(bus, this.#options.group ?? 'reporting', this.#projector, onProjected);
  }

  /**
   * The tickets changed since the last renewal summed in slices, a turn of the event loop each, then
   * the readings that lapsed: at 2,000 tickets a second, one flush judged them all in one turn, 60 ms
   * during which no request was answered.
   */
  async #renew(): Promise<void> {
    const now = this.#options.now ?? Date.now;
    // Those changed meanwhile are left to the flush: under a steady flow, slices could chase them for ever.
    for (let left = this.view.changedCount; left > 0 && this.#renewal !== undefined; left -= RENEWAL_SLICE) {
      this.view.settleChanged(now(), RENEWAL_SLICE);
      await nextTurn();
    }
    if (this.#renewal !== undefined) this.view.tallies(now());
  }

  /** The view, brought up to date with what other replicas wrote (Redis); waits for the start. */
  async current(): Promise<ReportingView> {
    if (this.#ready === undefined) throw new Error('The reporting projections are not started');
    await this.#ready;
    await this.#follower?.refresh();
    return this.view;
  }

  /**
   * Resolves once every projected event up to the store's head at call time is in the records (and
   * the view): for tests, and for a rebuild that must not switch before the feed caught up.
   */
  async caughtUp(timeoutMs = 30_000): Promise<void> {
    await this.current();
    const { store } = this.#options;
    const deadline = Date.now() + timeoutMs;
    const head = await store.headPosition();
    let after = this.#verifiedUpTo;
    while (after < head) {
      const page = await store.readAll({ after, maxCount: 1_000 });
      if (page.length === 0) break;
      for (const event of page) {
        if (event.position > head) break;
        if (recordKindOf(event.stream) !== undefined) {
          while (((await this.records.get(event.stream))?.revision ?? -1n) < event.revision) {
            if (Date.now() > deadline)
              throw new Error(`reporting did not catch up with ${event.stream}@${event.revision}`);
            await pause(5);
          }
        }
        after = event.position;
      }
    }
    this.#verifiedUpTo = after;
    await this.#follower?.refresh();
  }

  async stop(): Promise<void> {
    await this.#ready?.catch(() => {});
    clearInterval(this.#renewal);
    this.#renewal = undefined;
    await this.#feed?.stop();
    this.#follower?.stop();
    this.#feed = undefined;
  }
}
