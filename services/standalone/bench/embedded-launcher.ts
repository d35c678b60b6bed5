import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OutgoingMessage } from '@hotline/messaging';
import { processNodeFlags } from '@hotline/platform';
import type { BenchReply, BenchRequest } from './embedded-product.ts';
import { SOURCE } from './topic-load.ts';

export interface EmbeddedProduct {
  readonly url: string;
  readonly pid: number;
  /** Publishes on the product's in-process support.inbound.v1; resolves once the bus took them. */
  publish(messages: OutgoingMessage<unknown>[]): Promise<void>;
  /** Dead letters per dead-letter topic since the product started. */
  deadLetters(): Promise<Record<string, number>>;
  /** Writes the product's heap snapshot (reachable objects only) to `path`. */
  heapSnapshot(path: string): Promise<void>;
  stop(): Promise<void>;
}

const entry = fileURLToPath(new URL('./embedded-product.ts', import.meta.url));

/** The embedded product in a child process of its own, so the load's clients do not share its event loop. */
export async function launchEmbedded(options: {
  readonly sqliteFile: string;
  /** `--cpu-prof` into this folder: the profile is written when the product stops. */
  readonly profileDir?: string;
}): Promise<EmbeddedProduct> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...processNodeFlags,
      // The bench closes no ticket and the embedded read models keep every one (about 3.5 KB of heap
      // each, and the heap doubles between full collections): a 180 s HTTP part takes in 600,000 or
      // more, and its heap passed 3 GB, near V8's default 4 GB limit.
      '--max-old-space-size=8192',
      ...(options.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`]),
      entry,
    ],
    {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SQLITE_FILE: options.sqliteFile,
        UPSTREAM_SYSTEMS: SOURCE,
        // The load's figures are compared with runs before access control was on by default; its own
        // cost is measured by the runtime's bench (docs/access-control.md, "Cost").
        AUTH: 'off',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const waiting = new Map<number, (reply: BenchReply) => void>();
  let nextId = 0;
  const ask = <T extends BenchReply>(request: BenchRequest & { id: number }) =>
    new Promise<T>((resolve) => {
      waiting.set(request.id, resolve as (reply: BenchReply) => void);
      child.send(request);
    });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the embedded product exited (${code}) before it was ready`)));
    child.on('message', (reply: BenchReply) => {
      if (reply.type === 'ready') resolve(reply.url);
      else {
        waiting.get(reply.id)?.(reply);
        waiting.delete(reply.id);
      }
    });
  });
  return {
    url,
    pid: child.pid!,
    async publish(messages) {
      const reply = await ask<Extract<BenchReply, { type: 'published' }>>({ type: 'publish', id: nextId++, messages });
      if (reply.error !== undefined) throw new Error(reply.error);
    },
    async deadLetters() {
      return (await ask<Extract<BenchReply, { type: 'dead-letters' }>>({ type: 'dead-letters', id: nextId++ })).count;
    },
    async heapSnapshot(path) {
      await ask({ type: 'heap-snapshot', id: nextId++, path });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies BenchRequest);
      await exited;
    },
  };
}
