/** Polls until `check` passes (returns without throwing), or throws its last error after `timeoutMs`. */
export async function eventually(
  check: () => void | Promise<void>,
  timeoutMs = 20_000,
  intervalMs = 25,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Per key, the values in the order of their first arrival; redeliveries (at least once) are dropped. */
export function firstArrivals<T>(received: readonly { key: string; value: T }[]): Map<string, T[]> {
  const byKey = new Map<string, T[]>();
  const seen = new Set<string>();
  for (const { key, value } of received) {
    const id = `${key}\u0000${JSON.stringify(value)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const list = byKey.get(key) ?? [];
    list.push(value);
    byKey.set(key, list);
  }
  return byKey;
}
