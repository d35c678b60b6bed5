import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const workers = fileURLToPath(new URL('.', import.meta.url));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Worker {
  process: ChildProcess;
  /** Resolves once the worker printed `ready` as its first line, or exited. */
  ready: Promise<void>;
  exited: Promise<Exit>;
  /** Its output lines once it exited with 0; rejects with its stderr otherwise. */
  lines(): Promise<string[]>;
}

/** Runs a worker of this folder on this very Node.js (it strips the types itself). */
export function startWorker(worker: string, args: string[]): Worker {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(workers, worker), ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // Stripping the types of the store's modules costs most of a start; the cache keeps the result
    // (Node.js's own default place, each entry checked against its source).
    env: { ...process.env, NODE_COMPILE_CACHE: join(tmpdir(), 'node-compile-cache') },
  });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<Exit>((resolve) => {
    child.on('close', (code, signal) => {
      markReady();
      resolve({ code, signal, stdout, stderr });
    });
  });
  const lines = async () => {
    const exit = await exited;
    if (exit.code !== 0) throw new Error(`${worker} exited with ${exit.code ?? exit.signal}: ${exit.stderr}`);
    return exit.stdout.trim().split('\n');
  };
  return { process: child, ready, exited, lines };
}
