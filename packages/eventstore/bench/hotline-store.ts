import type { NewEvent } from '../src/port/envelope.ts';
import { type ExpectedRevision, NO_STREAM } from '../src/port/expected-revision.ts';
import { openSqliteStore } from '../src/sqlite/sqlite-event-store.ts';
import { batchStream, type Contender, singleStream, ticketEvent, workload, writerStream } from './workload.ts';

const newEvent = (stream: string, index: number): NewEvent => ({ ...ticketEvent(stream, index), actor: 'agent-7' });

/** The SQLite event store on the same workload, every append with its stream's expected revision. */
export async function openHotlineStore(file: string): Promise<Contender> {
  const store = await openSqliteStore({ file });
  const revisions = new Map<string, bigint>();
  let batchesWritten = 0;
  const append = async (stream: string, events: NewEvent[]) => {
    const expectedRevision: ExpectedRevision = revisions.get(stream) ?? NO_STREAM;
    const result = await store.append(stream, events, { expectedRevision });
    revisions.set(stream, result.nextExpectedRevision);
  };
  return {
    name: 'store',
    async appendSingles(round) {
      for (let i = 0; i < workload.singleAppends; i++) {
        await append(singleStream(i), [newEvent(singleStream(i), round * workload.singleAppends + i)]);
      }
    },
    async appendBatches() {
      for (let b = 0; b < workload.batches; b++) {
        const stream = batchStream(batchesWritten++);
        await append(
          stream,
          Array.from({ length: workload.batchSize }, (_, i) => newEvent(stream, i)),
        );
      }
    },
    async readStreams() {
      let read = 0;
      for (let b = 0; b < batchesWritten; b++) read += (await store.readStream(batchStream(b))).length;
      return read;
    },
    async readAll() {
      return (await store.readAll()).length;
    },
    close: () => store.close(),
  };
}

/** Writers each appending to their own stream, all at once: group commit shares a transaction (and an fsync) between them. */
export async function concurrentAppends(
  file: string,
  writers: number,
  appendsPerWriter: number = workload.appendsPerWriter,
): Promise<number> {
  const store = await openSqliteStore({ file });
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const stream = writerStream(w);
      let expectedRevision: ExpectedRevision = NO_STREAM;
      for (let i = 0; i < appendsPerWriter; i++) {
        const result = await store.append(stream, [newEvent(stream, i)], { expectedRevision });
        expectedRevision = result.nextExpectedRevision;
      }
    }),
  );
  const rate = (writers * appendsPerWriter) / ((performance.now() - startedAt) / 1000);
  await store.close();
  return rate;
}
