import type { Subscription } from '@hotline/eventstore';
import type { HotlineService, ServiceContext } from '@hotline/platform';
import { projectionLagGauge, timersPendingGauge } from '@hotline/runtime';
import { type AlertCoordination, alertCoordinationFor } from './alerts/alert-coordination.ts';
import { AlertDispatcher } from './alerts/alert-dispatcher.ts';
import { storedAlerts } from './alerts/stored-alerts.ts';
import { followedStreams, TicketClocks } from './clocks/ticket-clocks.ts';
import { crossingRaiser, type Firing } from './firing/crossing-raiser.ts';
import { registerSlaRoutes } from './http/sla-routes.ts';
import { MemoryTimerStore } from './timers/memory-timer-store.ts';
import { TimerLoop } from './timers/timer-loop.ts';
import type { TimerSchedule, TimerStore } from './timers/timer-store.ts';

export interface SlaClockOptions {
  /**
   * Where the timers live: in this process (embedded mode, the default), or a `RedisTimerStore` that
   * any number of replicas share. The service closes it when it stops.
   */
  readonly timers?: TimerStore;
  /** Who raises warnings and breaches, as their facts say (`sla-clock`). */
  readonly actor?: string;
  /** How long a claimed timer stays hidden from the other replicas (30 s). */
  readonly leaseMs?: number;
  /**
   * Timers claimed per round (2,048) and fired at once (512). Many firings in flight let the store
   * commit their appends in groups: a burst of crossings at one instant (weekend tickets all
   * counting from Monday 09:00) drains several times faster than with a few in flight.
   */
  readonly batchSize?: number;
  readonly concurrency?: number;
  /** Longest sleep on shared timers, which other replicas may move (1 s); none on this process's own. */
  readonly pollIntervalMs?: number | null;
  /** Wait after a failing round, or before another look at a ticket whose contract is not known yet (5 s). */
  readonly retryDelayMs?: number;
  /** Told of every firing: tests, simulations, metrics. */
  readonly onFiring?: (firing: Firing) => void;
  /**
   * Where the alert dispatcher keeps its lease and checkpoint: by default Redis when the context has
   * one, else a SQLite file next to a SQLite store's (`alertCoordinationFor`). The service closes it.
   */
  readonly alerts?: AlertCoordination;
  /** How long the alert dispatcher's lease lives without renewal: a dead dispatcher's successor waits that long (10 s). */
  readonly alertLeaseMs?: number;
}

export interface SlaClockService extends HotlineService {
  /** The read model: open tickets, their clock facts, contracts, what was raised. */
  readonly clocks: TicketClocks;
  readonly timers: TimerStore;
  /** Resolves once every event stored so far is in the read model and the timers it moved are written. */
  caughtUp(): Promise<void>;
  /**
   * Resolves once nothing is left to do at the clock's now: caught up, every due timer fired and its
   * facts followed. Simulations advance a virtual clock and wait for this between steps.
   */
  settled(): Promise<void>;
  /** The next timer's instant, null when none. */
  nextTimerAt(): Promise<number | null>;
}

/**
 * The SLA clock: follows every ticket, contract and SLA event, keeps each open ticket's clocks, and
 * holds durable timers for the next warning or breach of each; when one fires it raises what is
 * still true (`SlaWarningRaised`, `SlaBreached` in `sla-<ticketId>`); an outbox follows those facts
 * from the store and sends their alerts to support.alerts.v1.
 * Answers a ticket's deadlines, the tickets at risk and the breached ones over HTTP.
 */
export function createSlaClockService(context: ServiceContext, options: SlaClockOptions = {}): SlaClockService {
  const { store, clock, logger } = context;
  const log = logger.child({ component: 'sla-clock' });
  const timers = options.timers ?? new MemoryTimerStore();
  const retryDelayMs = options.retryDelayMs ?? 5_000;
  const clocks = new TicketClocks();
  const fire = crossingRaiser({
    store,
    timers,
    clock,
    clocks,
    logger: log,
    actor: options.actor ?? 'sla-clock',
    retryDelayMs,
  });
  const loop = new TimerLoop({
    timers,
    clock,
    logger: log,
    // What fires is what the store holds when the timers are claimed, as the read model folds it.
    beforeFiring: () => caughtUp(),
    fire: async (claim) => {
      const firing = await fire(claim);
      options.onFiring?.(firing);
    },
    leaseMs: options.leaseMs ?? 30_000,
    batchSize: options.batchSize ?? 2_048,
    concurrency: options.concurrency ?? 512,
    pollIntervalMs: options.pollIntervalMs !== undefined ? options.pollIntervalMs : timers.shared ? 1_000 : null,
    retryDelayMs,
  });
  const coordination = options.alerts ?? alertCoordinationFor(context, { leaseTtlMs: options.alertLeaseMs ?? 10_000 });
  let dispatcher: AlertDispatcher | undefined;
  let gauge: ReturnType<typeof timersPendingGauge> | undefined;
  let alertLag: ReturnType<ReturnType<typeof projectionLagGauge>['labels']> | undefined;
  let lagTimer: NodeJS.Timeout | undefined;
  let subscription: Subscription | undefined;
  let live = false;
  let flushRequested = false;
  let flushing: Promise<void> = Promise.resolve();

  // Timers are planned after a burst of events, not after each: a ticket changed ten times is evaluated once.
  async function flush(): Promise<void> {
    const schedules: TimerSchedule[] = clocks.plan(clock.now());
    gauge?.set({ kind: 'warning' }, clocks.pending.warning);
    gauge?.set({ kind: 'breach' }, clocks.pending.breach);
    if (schedules.length === 0) return;
    try {
      await timers.schedule(schedules);
    } catch (error) {
      log.error({ err: error, tickets: schedules.length }, 'timers not written; trying again');
      clocks.unwritten(schedules);
      setTimeout(requestFlush, retryDelayMs).unref();
      return;
    }
    for (const schedule of schedules) if (schedule.at !== null) loop.nudge(schedule.at);
  }

  function flushNow(): Promise<void> {
    // Planned on a macrotask: the store's subscription hands over everything committed in microtasks,
    // so a plan never sees half of an append (a ticket with some of its facts raised in one append
    // would look due again, and be fired for nothing).
    flushing = flushing
      .then(() => new Promise((resolve) => setImmediate(resolve)))
      .then(() => {
        flushRequested = false;
        return flush();
      });
    return flushing;
  }

  function requestFlush(): void {
    if (flushRequested || !live) return;
    flushRequested = true;
    void flushNow();
  }

  async function updateAlertLag(): Promise<void> {
    const lag = await dispatcher?.lag().catch(() => null);
    alertLag?.set(lag ?? 0);
  }

  async function caughtUp(): Promise<void> {
    if (subscription === undefined) throw new Error('The SLA clock is not started');
    await subscription.waitFor(await store.headPosition());
    await flushNow();
  }

  return {
    name: 'sla-clock',
    clocks,
    timers,
    caughtUp,

    registerRoutes(app) {
      gauge = timersPendingGauge(app.metrics.registry);
      // Positions between the store's head and the last alert dispatched, as the projections' lags are
      // counted; the replica that holds the alerts' lease reports it, the others 0.
      alertLag = projectionLagGauge(app.metrics.registry).labels({ projection: 'sla-alerts' });
      registerSlaRoutes(app, { store, clock, clocks, caughtUp });
    },

    async start() {
      if (subscription !== undefined) return;
      subscription = store.subscribe(
        (event) => {
          clocks.apply(event);
          requestFlush();
        },
        { filter: { streamPrefixes: followedStreams } },
      );
      subscription.done.catch((error: unknown) => {
        log.error({ err: error }, 'the SLA clock stopped following the store: no timer moves any more');
      });
      // Rebuilt from the whole log before the first timer fires: a crossing raised before a restart
      // must be known as raised, and one missed while down comes due at once.
      await subscription.waitFor(await store.headPosition());
      live = true;
      await flushNow();
      loop.start();
      const following = subscription;
      dispatcher = new AlertDispatcher({
        store,
        bus: context.bus,
        leadership: coordination.leadership,
        checkpoints: coordination.checkpoints,
        alertsOf: storedAlerts({ store, clocks, readModelAt: (position) => following.waitFor(position) }),
        logger: log.child({ component: 'sla-alerts' }),
      }).start();
      dispatcher.done.catch((error: unknown) => log.error({ err: error }, 'the SLA alert dispatcher stopped'));
      // A lone replica holds the lease at once: waiting for it lets `settled()` cover the alerts from
      // the start. One that finds the lease held (another replica, or a killed process's until it
      // lapses) goes on in standby.
      await Promise.race([dispatcher.whenActive(), new Promise((resolve) => setTimeout(resolve, 250).unref())]);
      void updateAlertLag();
      lagTimer = setInterval(() => void updateAlertLag(), 5_000);
      lagTimer.unref();
      log.info(
        { tickets: clocks.size, timers: await timers.size(), alerts: dispatcher.state, checkpoint: coordination.where },
        'SLA clock started',
      );
    },

    async stop() {
      if (subscription === undefined) return;
      live = false;
      clearInterval(lagTimer);
      await loop.stop();
      // Finishes the batch of alerts in flight; what is left waits at the checkpoint for the next start.
      await dispatcher?.stop();
      dispatcher = undefined;
      await subscription.stop();
      subscription = undefined;
      await flushing;
      await timers.close();
      coordination.close();
    },

    async settled() {
      for (;;) {
        const head = await store.headPosition();
        await caughtUp();
        await loop.whenIdle();
        await dispatcher?.dispatched(head);
        if ((await store.headPosition()) === head) return;
      }
    },

    nextTimerAt: () => timers.nextAt(),
  };
}
