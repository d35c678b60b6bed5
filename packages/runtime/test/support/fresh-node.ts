import { execFileSync } from 'node:child_process';

/**
 * What a fresh Node.js process prints when it runs `script` (an ES module) under V8's `flags`: the
 * heap's settings take effect before any code of the test runner, and V8 traces to standard output.
 */
export function freshNodeOutput(flags: readonly string[], script: string): string {
  return execFileSync(process.execPath, [...flags, '--input-type=module', '-e', script], { encoding: 'utf8' });
}
