import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Rates } from './workload.ts';

export interface EmmettResults {
  rates?: Rates;
  retries?: number;
  concurrent?: number | string;
  /** Why some results are missing. */
  failure?: string;
}

/** Runs `emmett-worker.ts` on this Node.js and collects what it printed, whatever becomes of it. */
export function runEmmett(directory: string): Promise<EmmettResults> {
  const worker = fileURLToPath(new URL('./emmett-worker.ts', import.meta.url));
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', worker, directory], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      const results: EmmettResults = {};
      for (const line of stdout.split('\n')) if (line.startsWith('{')) Object.assign(results, JSON.parse(line));
      if (code !== 0) {
        const last = stderr
          .trim()
          .split('\n')
          .filter((line) => /Error|error/.test(line))
          .at(-1);
        results.failure = `the Emmett process exited with ${code}${last === undefined ? '' : `: ${last.trim()}`}`;
      }
      resolve(results);
    });
  });
}
