import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { CheckpointDone, CheckpointRequest } from './checkpoint-worker.ts';

export interface BackgroundCheckpointsOptions {
  readonly file: string;
  readonly busyTimeoutMs: number;
  /** How long after a commit the next checkpoint starts (250 ms): what the WAL gathers in between. */
  readonly intervalMs?: number;
  /** WAL frames (4 kB pages) past which the writer is held for one checkpoint (4,096): see below. */
  readonly restartFrames?: number;
  /** Keeps the writer from beginning a transaction until the promise settles. */
  readonly holdWriter: (until: Promise<void>) => void;
  /** The worker failed: the writer's connection must checkpoint by itself again. */
  readonly onFailure: (error: Error) => void;
}

/**
 * SQLite's checkpoints, taken off the event loop: a worker thread checkpoints (PASSIVE) on its own
 * connection a little after commits, while the writer goes on committing. SQLite starts the WAL
 * over only when a transaction begins on a WAL entirely copied, and under a steady load a commit
 * always comes between a checkpoint's end and the next transaction: the WAL would grow for ever.
 * So once the WAL holds `restartFrames`, the writer is held for one checkpoint, which then copies
 * what is left (the frames since the previous one); the next commit starts the WAL over.
 */
export class BackgroundCheckpoints {
  #worker: Worker;
  #options: BackgroundCheckpointsOptions;
  #intervalMs: number;
  #restartFrames: number;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<CheckpointDone> | undefined;
  #settle: { resolve(done: CheckpointDone): void; reject(error: Error): void } | undefined;
  /** Committed since the last checkpoint began. */
  #dirty = false;
  #holdNext = false;
  #closed = false;
  #failed = false;

  constructor(options: BackgroundCheckpointsOptions) {
    this.#options = options;
    this.#intervalMs = options.intervalMs ?? 250;
    this.#restartFrames = options.restartFrames ?? 4096;
    this.#worker = new Worker(new URL('./checkpoint-worker.ts', import.meta.url), {
      workerData: { file: options.file, busyTimeoutMs: options.busyTimeoutMs } satisfies CheckpointRequest,
    });
    this.#worker.unref();
    this.#worker.on('message', (done: CheckpointDone) => this.#settle?.resolve(done));
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => {
      if (!this.#closed) this.#fail(new Error(`the checkpoint thread exited (code ${code})`));
    });
  }

  /** After each commit: a checkpoint follows within the interval. */
  committed(): void {
    this.#dirty = true;
    if (this.#timer !== undefined || this.#running !== undefined || this.#closed || this.#failed) return;
    this.#timer = setTimeout(() => this.#checkpoint(), this.#intervalMs);
    this.#timer.unref();
  }

  /** Lets the checkpoint under way finish, then ends the thread. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#running?.catch(() => {});
    if (this.#failed) return;
    this.#worker.ref();
    this.#worker.postMessage('close');
    await once(this.#worker, 'exit');
  }

  #checkpoint(): void {
    this.#timer = undefined;
    if (this.#closed || this.#failed) return;
    const held = this.#holdNext;
    this.#holdNext = false;
    this.#dirty = false;
    const running = new Promise<CheckpointDone>((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
    // While one runs, the thread keeps the process alive: the writer may be waiting for it.
    this.#worker.ref();
    this.#worker.postMessage('checkpoint');
    this.#running = running;
    if (held) {
      this.#options.holdWriter(
        running.then(
          () => {},
          () => {},
        ),
      );
    }
    running.then(
      ({ log }) => {
        this.#worker.unref();
        this.#running = undefined;
        this.#settle = undefined;
        // A held checkpoint copied the whole WAL: the next commit starts it over.
        if (!held && log >= this.#restartFrames) {
          this.#holdNext = true;
          this.#checkpoint();
          return;
        }
        // What was committed while it ran waits for the next one.
        if (this.#dirty) this.committed();
      },
      () => {
        this.#running = undefined;
        this.#settle = undefined;
      },
    );
  }

  #fail(error: Error): void {
    if (this.#failed) return;
    this.#failed = true;
    clearTimeout(this.#timer);
    this.#settle?.reject(error);
    this.#options.onFailure(error);
  }
}
