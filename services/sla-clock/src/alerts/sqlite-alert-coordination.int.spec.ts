import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FencedError } from '@hotline/messaging';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteAlertCoordination } from './sqlite-alert-coordination.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** Two dispatchers' connections to one checkpoint file, as two processes next to one store would open it. */
function twoOnOneFile(leaseTtlMs = 300) {
  const dir = mkdtempSync(join(tmpdir(), 'sla-alert-coordination-'));
  const file = join(dir, 'events.sqlite.sla-alerts');
  const a = SqliteAlertCoordination.open(file, { leaseTtlMs, owner: 'a' });
  const b = SqliteAlertCoordination.open(file, { leaseTtlMs, owner: 'b' });
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => a.close(),
    () => b.close(),
  );
  return { a, b };
}

const soon = (ms: number) => AbortSignal.timeout(ms);

describe('the alert checkpoint in a SQLite file', () => {
  it('starts at the beginning of the log, and never moves back', async () => {
    const { a } = twoOnOneFile();
    expect(await a.load()).toBe(0n);
    const lease = await a.acquire(soon(1_000));
    await a.save(2n ** 60n + 7n, lease.token);
    await a.save(5n, lease.token);
    expect(await a.load()).toBe(2n ** 60n + 7n);
    await lease.release();
  });

  it('lets one dispatcher hold the lease; the other takes it once released, with a newer token', async () => {
    const { a, b } = twoOnOneFile();
    const first = await a.acquire(soon(1_000));
    await expect(b.acquire(soon(400))).rejects.toThrow();
    await first.release();
    const second = await b.acquire(soon(1_000));
    expect(second.token).toBeGreaterThan(first.token);
    // The former holder can no longer move the checkpoint: fenced by the newer term.
    await expect(a.save(10n, first.token)).rejects.toBeInstanceOf(FencedError);
    await b.save(10n, second.token);
    expect(await a.load()).toBe(10n);
    await second.release();
  });

  it('hands the lease over once a dead holder stops renewing it', async () => {
    const { a, b } = twoOnOneFile(300);
    const dead = await a.acquire(soon(1_000));
    // Its process dies: the connection goes, and with it the renewals.
    a.close();
    const started = Date.now();
    const next = await b.acquire(soon(3_000));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(next.token).toBeGreaterThan(dead.token);
    await next.release();
  });
});
