/**
 * Resolves when the dependency answers; it may resolve with a few facts about the state it found
 * (the relay: whether it holds the lease or waits), which `/readyz` shows beside the check.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: most probes are `async () => { await ping(); }`, typed Promise<void>.
export type ReadinessProbe = () => Promise<void | ReadinessFacts>;

export type ReadinessFacts = Readonly<Record<string, string | number | boolean>>;

export type ReadinessProbes = Readonly<Record<string, ReadinessProbe>>;

export type CheckResult =
  | { readonly name: string; readonly status: 'pass'; readonly durationMs: number; readonly facts?: ReadinessFacts }
  | {
      readonly name: string;
      readonly status: 'fail';
      readonly durationMs: number;
      readonly reason: 'timeout' | 'error';
      readonly error?: unknown;
    };

export interface Readiness {
  readonly ready: boolean;
  readonly checks: readonly CheckResult[];
}

/**
 * Runs every probe at once, each bounded by the timeout: one hung dependency must not make the
 * orchestrator's probe itself time out, which would hide which dependency is at fault.
 */
export async function checkReadiness(probes: ReadinessProbes, timeoutMs: number): Promise<Readiness> {
  const checks = await Promise.all(Object.entries(probes).map(([name, probe]) => runProbe(name, probe, timeoutMs)));
  return { ready: checks.every((check) => check.status === 'pass'), checks };
}

async function runProbe(name: string, probe: ReadinessProbe, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([Promise.resolve().then(probe), timeout]);
    if (outcome === 'timeout') return { name, status: 'fail', durationMs: elapsed(), reason: 'timeout' };
    return { name, status: 'pass', durationMs: elapsed(), ...(outcome === undefined ? {} : { facts: outcome }) };
  } catch (error) {
    return { name, status: 'fail', durationMs: elapsed(), reason: 'error', error };
  } finally {
    clearTimeout(timer);
  }
}
