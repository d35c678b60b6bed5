// The benchmark's workload, the same for every contender. Sized to run in under three minutes on
// two cores with an fsync per commit, even when neighbours make each commit ten times slower.
export const workload = {
  /**
   * Rounds of each measure; the store and raw node:sqlite take turns within a round, and the
   * median round counts. Many short rounds: on a shared machine, a round's ratio moves far less
   * than its rates, and the median of many ratios shrugs off the rounds a neighbour disturbed.
   */
  rounds: 21,
  /** Rounds for Emmett, in a process of its own after the others: its rates only need to be in the right range. */
  emmettRounds: 3,
  /** Durable appends of one event each (one transaction each), per round, over `singleStreams` streams. */
  singleAppends: 400,
  singleStreams: 100,
  /** Appends of `batchSize` events (one transaction each, a stream each), per round. */
  batches: 20,
  batchSize: 100,
  /** Writers appending at once (group commit), each `appendsPerWriter` single-event appends. */
  concurrentWriters: 64,
  appendsPerWriter: 50,
  /** Runs of the concurrent writers, each paired with a single writer's run. */
  concurrentRuns: 5,
};

export interface BenchEvent {
  type: string;
  data: Record<string, unknown>;
}

/** A ticket event of realistic size (about 250 bytes of JSON). */
export function ticketEvent(stream: string, index: number): BenchEvent {
  return {
    type: index === 0 ? 'TicketReceived' : 'TicketNoteAdded',
    data: {
      ticketId: stream,
      index,
      title: 'Invoices are not printed after the last update',
      nature: 'malfunction',
      priority: 'P2',
      environment: 'production',
      contractId: 'contract-0042',
      by: 'agent-7',
      at: '2026-05-11T10:15:00.000Z',
    },
  };
}

export const singleStream = (i: number) => `ticket-s${i % workload.singleStreams}`;
export const batchStream = (i: number) => `ticket-b${i}`;
export const writerStream = (i: number) => `ticket-w${i}`;

/**
 * One contender's operations on its own file. Appends continue where the previous round
 * stopped (each with its stream's expected revision); reads return how many events they parsed.
 */
export interface Contender {
  name: string;
  appendSingles(round: number): Promise<void>;
  appendBatches(round: number): Promise<void>;
  /** Reads every batch stream written so far, whole. */
  readStreams(): Promise<number>;
  /** Reads the whole global log. */
  readAll(): Promise<number>;
  close(): Promise<void>;
}

export type Measure = 'singleAppends' | 'batchAppends' | 'streamReads' | 'globalRead';

/** Median events per second of each measure, over the rounds. */
export type Rates = Record<Measure, number>;
