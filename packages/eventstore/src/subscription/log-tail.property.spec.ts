import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../port/envelope.ts';
import { ChangeSignal } from './change-signal.ts';
import { LogTail } from './log-tail.ts';
import type { LogRow } from './polling-subscription.ts';

type Step =
  | { kind: 'append'; rows: number; gap: number; notified: boolean }
  | { kind: 'poll' }
  | { kind: 'read'; reader: number; limit: number }
  | { kind: 'join'; at: 'start' | 'head' | 'middle' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('append' as const),
    rows: fc.integer({ min: 1, max: 40 }),
    gap: fc.integer({ min: 1, max: 3 }),
    // Another process's commit is not notified: only a poll interval makes readers look again.
    notified: fc.boolean(),
  }),
  fc.constant({ kind: 'poll' as const }),
  fc.record({
    kind: fc.constant('read' as const),
    reader: fc.nat({ max: 7 }),
    limit: fc.integer({ min: 1, max: 64 }),
  }),
  fc.record({
    kind: fc.constant('join' as const),
    at: fc.constantFrom('start' as const, 'head' as const, 'middle' as const),
  }),
);

/**
 * Subscriptions at their own positions and paces over a log that grows, by this process (notified)
 * and by others (seen at the next poll), with a window small enough to be trimmed and moved often.
 * Whatever the interleaving, each read hands over the rows right after the reader's position, in
 * order, none skipped: what a subscription (a read model, the relay, the alert outbox) relies on.
 */
describe('the log tail, under any interleaving of appends, polls and readers', () => {
  it('hands each reader the rows after its position, in order, none skipped, each with its event, and the end once told', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 24 }),
        (steps, pageSize, windowSize) => {
          const rows: LogRow[] = [];
          const changes = new ChangeSignal();
          const tail = new LogTail<LogRow>(
            {
              readPage: (after, limit) => {
                const found = rows.filter((row) => row.position > after);
                return limit < 0 ? found : found.slice(0, limit);
              },
              toEvent: (row) => ({ position: row.position }) as RecordedEvent,
              changes,
            },
            { pageSize, windowSize },
          );
          const readers: bigint[] = [0n];
          // Rows appended since the last notification or poll: a reader may not see them yet.
          let unseen = 0;
          for (const each of steps) {
            if (each.kind === 'append') {
              let last = rows.at(-1)?.position ?? 0n;
              for (let i = 0; i < each.rows; i++) {
                last += BigInt(each.gap);
                rows.push({ position: last, stream: 's-1', type: 'T' });
              }
              if (each.notified) {
                changes.notify();
                unseen = 0;
              } else unseen += each.rows;
            } else if (each.kind === 'poll') {
              changes.notify();
              unseen = 0;
            } else if (each.kind === 'join') {
              const head = rows.at(-1)?.position ?? 0n;
              const middle = rows[Math.floor(rows.length / 2)]?.position ?? 0n;
              readers.push(each.at === 'start' ? 0n : each.at === 'head' ? head : middle);
            } else {
              const index = each.reader % readers.length;
              const after = readers[index]!;
              const page = tail.readPage(after, each.limit);
              const expected = rows.filter((row) => row.position > after);
              expect(page.length).toBeLessThanOrEqual(each.limit);
              expect(page.map((row) => row.position)).toEqual(
                expected.slice(0, page.length).map((row) => row.position),
              );
              // Nothing found while rows wait that this process was told of: a reader would stall there.
              if (page.length === 0) expect(expected.length).toBeLessThanOrEqual(unseen);
              // Each row's event is its own, whatever the window did since it was kept.
              for (const row of page) expect(tail.toEvent(row).position).toBe(row.position);
              if (page.length > 0) readers[index] = page.at(-1)!.position;
            }
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
