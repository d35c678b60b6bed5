import type { Logger } from '../logging/logger.ts';

export interface ShutdownStep {
  readonly name: string;
  readonly stop: () => Promise<void>;
}

/** The part of `process` the shutdown uses; tests pass an EventEmitter with an `exit` spy. */
export interface ProcessLike {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  removeListener(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): void;
}

export interface GracefulShutdownOptions {
  readonly logger: Logger;
  /** Longest the whole shutdown may take; keep it under the orchestrator's grace period. */
  readonly timeoutMs: number;
  /**
   * Run in order. Put the HTTP server first (`{ name: 'http', stop: () => app.close() }`: it stops
   * accepting and waits for in-flight requests), then what feeds work in (consumers, timers, the
   * relay), then what the work writes to (the store, Redis).
   */
  readonly steps: readonly ShutdownStep[];
  readonly signals?: readonly NodeJS.Signals[];
  readonly process?: ProcessLike;
}

export interface GracefulShutdown {
  /** Shuts down as a signal would (after a fatal error, say); resolves with the exit code given. */
  shutdown(reason: string): Promise<number>;
  /** Removes the signal handlers (tests, or a caller taking over). */
  dispose(): void;
}

/**
 * Installs SIGINT/SIGTERM handlers that stop the process's parts in order, each logged, then exit:
 * 0 when every step stopped, 1 when one failed, when the timeout passed or when a second signal
 * asked for an immediate exit. A failed step does not stop the next ones: the store must still be
 * closed cleanly when a consumer failed to stop.
 */
export function gracefulShutdown({
  logger,
  timeoutMs,
  steps,
  signals = ['SIGINT', 'SIGTERM'],
  process: host = process,
}: GracefulShutdownOptions): GracefulShutdown {
  let running: Promise<number> | undefined;
  let exited = false;

  const exit = (code: number) => {
    if (exited) return;
    exited = true;
    logger.flush();
    host.exit(code);
  };

  async function stopAll(onStep: (name: string) => void): Promise<number> {
    let failed = false;
    for (const step of steps) {
      if (exited) break;
      onStep(step.name);
      const started = performance.now();
      try {
        await step.stop();
        logger.info({ step: step.name, durationMs: Math.round(performance.now() - started) }, 'stopped');
      } catch (error) {
        failed = true;
        logger.error({ err: error, step: step.name }, 'failed to stop');
      }
    }
    return failed ? 1 : 0;
  }

  async function run(reason: string): Promise<number> {
    const started = performance.now();
    let current: string | undefined;
    logger.info({ reason, steps: steps.map((step) => step.name), timeoutMs }, 'shutdown started');

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        logger.error({ step: current, timeoutMs }, 'shutdown timed out, exiting');
        resolve(1);
      }, timeoutMs);
    });
    const code = await Promise.race([stopAll((name) => (current = name)), timedOut]);
    clearTimeout(timer);

    if (!exited) {
      logger.info({ durationMs: Math.round(performance.now() - started), exitCode: code }, 'shutdown complete');
    }
    exit(code);
    return code;
  }

  const onSignal = (signal: NodeJS.Signals) => {
    if (running) {
      logger.warn({ signal }, 'second signal during shutdown, exiting now');
      exit(1);
      return;
    }
    running = run(signal);
  };

  for (const signal of signals) host.on(signal, onSignal);

  return {
    shutdown(reason) {
      running ??= run(reason);
      return running;
    },
    dispose() {
      for (const signal of signals) host.removeListener(signal, onSignal);
    },
  };
}
