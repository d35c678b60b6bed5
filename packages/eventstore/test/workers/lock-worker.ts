// A process holding a SQLite file's write lock, as a long transaction or a backup would: argv =
// file. It takes the lock (BEGIN EXCLUSIVE), says `ready`, and lets go at the first line on stdin.
import { once } from 'node:events';
import { DatabaseSync } from 'node:sqlite';

const [file = ''] = process.argv.slice(2);
if (file === '') throw new Error('usage: lock-worker FILE');
const db = new DatabaseSync(file);
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('ready\n');
await once(process.stdin, 'data');
db.exec('COMMIT');
db.close();
process.stdout.write('released\n');
process.stdin.destroy();
