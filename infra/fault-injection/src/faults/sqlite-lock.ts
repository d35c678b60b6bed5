import { spawn } from 'node:child_process';
import { once } from 'node:events';

// Run by a process of its own: another program on the machine (a backup tool, a sqlite3 shell left
// open) that takes the store's write lock and sits on it. In WAL mode EXCLUSIVE keeps every writer
// out and lets readers read.
const holder = `
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(process.argv[1]);
db.exec('PRAGMA busy_timeout = 5000');
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\\n');
setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));
`;

export interface SqliteLock {
  /** Resolves once the lock is given back and its holder gone. */
  readonly released: Promise<void>;
}

/** Another process holds `BEGIN EXCLUSIVE` on the file for `holdMs`; resolves once it holds it. */
export async function lockSqliteFile(file: string, holdMs: number): Promise<SqliteLock> {
  const child = spawn(process.execPath, ['-e', holder, file, String(holdMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  const exited = once(child, 'exit') as Promise<[number | null]>;
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('locked')) resolve();
    });
    void exited.then(([code]) =>
      reject(new Error(`the lock holder exited (${code}) before it held the lock: ${errors}`)),
    );
  });
  await locked;
  return {
    released: exited.then(([code]) => {
      if (code !== 0) throw new Error(`the lock holder failed (${code}): ${errors}`);
    }),
  };
}
