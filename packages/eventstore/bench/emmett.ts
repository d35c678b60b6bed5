import { getSQLiteEventStore, readMessagesBatch, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import { batchStream, type Contender, singleStream, ticketEvent, workload, writerStream } from './workload.ts';

/**
 * Emmett's SQLite event store (on sqlite3, a native addon) on the same workload. It opens a
 * connection per operation, in WAL with SQLite's default synchronous (FULL).
 */
export function openEmmett(file: string): Contender & { retries(): number } {
  const store = getSQLiteEventStore({ fileName: file });
  const versions = new Map<string, bigint>();
  let batchesWritten = 0;
  let retries = 0;
  const append = async (stream: string, events: ReturnType<typeof ticketEvent>[]) => {
    const expectedStreamVersion = versions.get(stream);
    const options = expectedStreamVersion === undefined ? {} : { expectedStreamVersion };
    for (;;) {
      try {
        const result = await store.appendToStream(stream, events, options);
        versions.set(stream, result.nextExpectedStreamVersion);
        return;
      } catch (error) {
        // Its statements are not serialized on the connection, so COMMIT sometimes runs before the
        // INSERT … RETURNING is finalized ("SQL statements in progress"). It rolled back: try again.
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
        retries++;
      }
    }
  };
  const connection = sqliteConnection({ fileName: file });
  return {
    name: 'emmett',
    retries: () => retries,
    async appendSingles(round) {
      for (let i = 0; i < workload.singleAppends; i++) {
        await append(singleStream(i), [ticketEvent(singleStream(i), round * workload.singleAppends + i)]);
      }
    },
    async appendBatches() {
      for (let b = 0; b < workload.batches; b++) {
        const stream = batchStream(batchesWritten++);
        await append(
          stream,
          Array.from({ length: workload.batchSize }, (_, i) => ticketEvent(stream, i)),
        );
      }
    },
    async readStreams() {
      let read = 0;
      for (let b = 0; b < batchesWritten; b++) read += (await store.readStream(batchStream(b))).events.length;
      return read;
    },
    async readAll() {
      // Emmett's own way through the global log (its consumers page with it).
      const batchSize = Number.MAX_SAFE_INTEGER;
      return (await readMessagesBatch(connection, { after: 0n, batchSize })).messages.length;
    },
    async close() {
      connection.close();
    },
  };
}

/**
 * One Emmett store shares one connection between the operations in flight and closes it after
 * each, so concurrent writers each need their own store (connection); they then meet SQLite's
 * write lock without a busy timeout.
 */
export async function emmettConcurrentAppends(file: string, writers: number): Promise<number | string> {
  const startedAt = performance.now();
  try {
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const store = getSQLiteEventStore({ fileName: file });
        const stream = writerStream(w);
        for (let i = 0; i < workload.appendsPerWriter; i++)
          await store.appendToStream(stream, [ticketEvent(stream, i)]);
      }),
    );
  } catch (error) {
    return `fails: ${(error as Error).message}`;
  }
  return (writers * workload.appendsPerWriter) / ((performance.now() - startedAt) / 1000);
}
