// Emmett in a process of its own: its sqlite3 connections emit 'error' events that nobody
// listens to when concurrent writers collide, which would bring the whole bench down.
// Prints one JSON line per result as soon as it has it.
import { emmettConcurrentAppends, openEmmett } from './emmett.ts';
import { measureRounds, medianRates } from './rounds.ts';
import { workload } from './workload.ts';

const [directory = '.'] = process.argv.slice(2);
const emmett = openEmmett(`${directory}/emmett.sqlite`);
const samples = (await measureRounds([emmett], workload.emmettRounds)).get('emmett');
const rates = samples === undefined ? undefined : medianRates(samples);
await emmett.close();
process.stdout.write(`${JSON.stringify({ rates, retries: emmett.retries() })}\n`);
const concurrent = await emmettConcurrentAppends(`${directory}/emmett-concurrent.sqlite`, workload.concurrentWriters);
process.stdout.write(`${JSON.stringify({ concurrent })}\n`);
process.exit(0);
