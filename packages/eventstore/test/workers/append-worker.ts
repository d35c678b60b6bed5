// A process appending to a shared SQLite file: argv = file, worker name, events to the shared
// stream, concurrent lanes. Each lane appends with an expected revision and retries conflicts.
import { randomUUID } from 'node:crypto';
import { NO_STREAM, RevisionConflictError } from '../../src/index.ts';
import type { ExpectedRevision } from '../../src/port/expected-revision.ts';
import { openSqliteStore } from '../../src/sqlite/sqlite-event-store.ts';

const [file = '', worker = '', countText, lanesText] = process.argv.slice(2);
if (file === '' || worker === '') throw new Error('usage: append-worker FILE NAME COUNT LANES');
const count = Number(countText);
const lanes = Number(lanesText);
const store = await openSqliteStore({ file, busyTimeoutMs: 30_000 });

let conflicts = 0;
async function appendWithRetry(stream: string, index: number): Promise<void> {
  let expectedRevision: ExpectedRevision = NO_STREAM;
  const event = { id: randomUUID(), type: 'TicketNoteAdded', data: { worker, index }, actor: worker };
  for (;;) {
    try {
      await store.append(stream, [event, { ...event, id: randomUUID(), type: 'TicketNoteRead' }], { expectedRevision });
      return;
    } catch (error) {
      if (!(error instanceof RevisionConflictError)) throw error;
      conflicts++;
      expectedRevision = error.actual;
    }
  }
}

let next = 0;
await Promise.all(
  Array.from({ length: lanes }, async () => {
    for (let index = next++; index < count; index = next++) {
      await appendWithRetry('ticket-shared', index);
      await appendWithRetry(`ticket-${worker}`, index);
    }
  }),
);
await store.close();
process.stdout.write(`${JSON.stringify({ worker, conflicts })}\n`);
