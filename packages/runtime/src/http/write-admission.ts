import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge, type Registry } from 'prom-client';

export interface WriteAdmissionOptions {
  /** Writes whose handler may run at once; 0 lets every write run at once. */
  readonly concurrency: number;
  /** Writes that may wait for a turn; one more is refused with a 503 problem. */
  readonly queueLimit: number;
  /** Seconds a refused write is told to wait before retrying (Retry-After). */
  readonly retryAfterSeconds?: number;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Too many writes already wait: nothing of this one was done (a 503 problem with Retry-After). */
export class WritesOverloadedError extends Error {
  readonly code = 'http.writes_overloaded';
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(`Too many writes are waiting; retry in ${retryAfterSeconds} s`);
    this.name = 'WritesOverloadedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * At most `concurrency` writes (any method but GET, HEAD and OPTIONS) run their handler at once;
 * the next wait their turn in arrival order, and reads never wait. A write is admitted once its
 * body is parsed and validated and its caller is let in, so a refused request never takes a turn;
 * its turn ends when its response is sent or its connection closes, whatever the outcome.
 *
 * Why: when writes come faster than a process takes them, each one admitted adds work for the
 * event loop (its append, then the reactions to its events), and every request, a dashboard's
 * read included, waits behind all of it. With writes taken a few at a time the work in progress
 * stays bounded: reads are answered within a turn or two of the loop, and a write waits in the
 * queue rather than in the loop. Under the load bench (services/standalone/bench, 2,000 tickets/s
 * offered over 256 connections, 20 to 30 s runs) a read of a ticket just acknowledged took p99 126
 * to 466 ms with every write admitted (seven runs), 26 to 55 ms with 32 at a time (seven runs),
 * 54 to 145 ms with 64, for the same rate taken.
 */
export function registerWriteAdmission(app: FastifyInstance, registry: Registry, options: WriteAdmissionOptions): void {
  const { concurrency, queueLimit, retryAfterSeconds = 1 } = options;
  if (concurrency <= 0) return;
  const turns = new WriteTurns(concurrency);
  new Gauge({
    name: 'hotline_http_writes_waiting',
    help: 'Write requests waiting for their turn to run (HTTP_WRITE_CONCURRENCY at once)',
    registers: [registry],
    collect() {
      this.set(turns.waiting);
    },
  });
  const refused = new Counter({
    name: 'hotline_http_writes_refused_total',
    help: 'Write requests refused with a 503 because HTTP_WRITE_QUEUE_LIMIT were already waiting',
    registers: [registry],
  });

  app.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (READS.has(request.method)) return done();
    if (turns.wouldWait() && turns.waiting >= queueLimit) {
      refused.inc();
      return done(new WritesOverloadedError(retryAfterSeconds));
    }
    // Nothing is done for an answer nobody would read: a client already gone takes no turn, and
    // one that leaves while it waits gives its place up (`leave` withdraws a turn not started).
    if (reply.raw.closed) return;
    let leave = () => {};
    // 'close' comes once the response is sent, or when the connection ends first: either way the turn ends.
    reply.raw.once('close', () => leave());
    leave = turns.take(() => done());
  });
}

interface Turn {
  readonly start: () => void;
  state: 'waiting' | 'running' | 'left';
}

/** Turns to run, `size` at once, handed out in the order asked. */
export class WriteTurns {
  readonly #size: number;
  #running = 0;
  #waiting = 0;
  readonly #queue: Turn[] = [];
  #head = 0;
  #draining = false;

  constructor(size: number) {
    this.#size = size;
  }

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting;
  }

  /** Whether a turn asked now would wait: none free, or others waiting before it. */
  wouldWait(): boolean {
    return this.#running >= this.#size || this.#waiting > 0;
  }

  /**
   * Runs `start` now if a turn is free, else once one is; the function returned ends the turn,
   * or withdraws it when it has not started (then `start` is never called).
   */
  take(start: () => void): () => void {
    const turn: Turn = { start, state: 'waiting' };
    if (!this.wouldWait()) this.#begin(turn);
    else {
      this.#queue.push(turn);
      this.#waiting += 1;
      this.#drainSoon();
    }
    return () => this.#leave(turn);
  }

  #begin(turn: Turn): void {
    turn.state = 'running';
    this.#running += 1;
    turn.start();
  }

  #leave(turn: Turn): void {
    if (turn.state === 'waiting') this.#waiting -= 1;
    const wasRunning = turn.state === 'running';
    turn.state = 'left';
    if (!wasRunning) return;
    this.#running -= 1;
    this.#drainSoon();
  }

  /**
   * The turns freed within one turn of the event loop go to those waiting together, on the next:
   * their writes then share a commit group, where starting each as its turn ended made groups of
   * one or two.
   */
  #drainSoon(): void {
    if (this.#draining || this.#waiting === 0 || this.#running >= this.#size) return;
    this.#draining = true;
    setImmediate(() => {
      this.#draining = false;
      while (this.#running < this.#size) {
        const next = this.#nextWaiting();
        if (next === undefined) return;
        this.#begin(next);
      }
    });
  }

  #nextWaiting(): Turn | undefined {
    while (this.#head < this.#queue.length) {
      const turn = this.#queue[this.#head] as Turn;
      this.#head += 1;
      // A queue drained past half its length is compacted, so it moves each entry at most once.
      if (this.#head * 2 >= this.#queue.length) {
        this.#queue.splice(0, this.#head);
        this.#head = 0;
      }
      if (turn.state === 'waiting') {
        this.#waiting -= 1;
        return turn;
      }
    }
    return undefined;
  }
}
