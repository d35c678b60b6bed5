// A process following a shared SQLite file: argv = file, number of events to wait for.
// Prints every event it saw (position, id), in the order it saw them.
import { openSqliteStore } from '../../src/sqlite/sqlite-event-store.ts';

const [file, totalText] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: subscribe-worker FILE TOTAL');
const total = Number(totalText);
const store = await openSqliteStore({ file, pollIntervalMs: 5 });
const seen: [string, string][] = [];
let finish: () => void = () => {};
const finished = new Promise<void>((resolve) => {
  finish = resolve;
});
const subscription = store.subscribe((event) => {
  seen.push([event.position.toString(), event.id]);
  if (seen.length === total) finish();
});
process.stdout.write('ready\n');
await Promise.race([finished, subscription.done]);
// Anything after the expected total would be a duplicate: give it a moment to show up.
await new Promise((resolve) => setTimeout(resolve, 200));
await store.close();
process.stdout.write(`${JSON.stringify(seen)}\n`);
