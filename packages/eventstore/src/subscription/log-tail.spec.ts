import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../port/envelope.ts';
import { ChangeSignal } from './change-signal.ts';
import { LogTail, type LogTailOptions } from './log-tail.ts';
import type { LogRow } from './polling-subscription.ts';

/** A log in an array that notifies its commits as a store does, and counts the reads made of it. */
function logOf(positions: number[]) {
  const rows: LogRow[] = positions.map((position) => ({ position: BigInt(position), stream: 's-1', type: 'T' }));
  const reads: bigint[] = [];
  const changes = new ChangeSignal();
  return {
    reads,
    changes,
    append(position: number) {
      rows.push({ position: BigInt(position), stream: 's-1', type: 'T' });
      changes.notify();
    },
    tail(options: LogTailOptions) {
      return new LogTail<LogRow>(
        {
          readPage(after, limit) {
            reads.push(after);
            return rows.filter((row) => row.position > after).slice(0, limit);
          },
          toEvent: (row) => ({ position: row.position }) as RecordedEvent,
          changes,
        },
        options,
      );
    },
  };
}

const positionsOf = (rows: LogRow[]) => rows.map((row) => Number(row.position));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Reads pages from `after` to the end of the log, as a subscription does. */
function readToEnd(tail: LogTail<LogRow>, after: bigint, limit: number): number[] {
  const seen: number[] = [];
  let position = after;
  for (let page = tail.readPage(position, limit); page.length > 0; page = tail.readPage(position, limit)) {
    seen.push(...positionsOf(page));
    position = (page.at(-1) as LogRow).position;
  }
  return seen;
}

describe('the log tail shared by the subscriptions of a store', () => {
  it('reads each new page once for every subscription at the end of the log', () => {
    const log = logOf(range(1, 10));
    const tail = log.tail({ pageSize: 4, windowSize: 100 });
    expect(readToEnd(tail, 0n, 4)).toEqual(range(1, 10));
    const reads = log.reads.length;
    // The others find the kept rows, and the end of the log where the first found it, nothing committed since.
    for (let i = 0; i < 5; i++) expect(readToEnd(tail, 0n, 4)).toEqual(range(1, 10));
    expect(log.reads.length).toBe(reads);

    log.append(11);
    log.append(12);
    for (let i = 0; i < 3; i++) expect(readToEnd(tail, 10n, 4)).toEqual([11, 12]);
    // One read, which found the new rows and the end of the log after them.
    expect(log.reads.length).toBe(reads + 1);
  });

  it('reads the log again at its end once a poll interval went by: another process may have committed', async () => {
    const log = logOf(range(1, 3));
    const tail = log.tail({ pageSize: 4, windowSize: 100 });
    expect(readToEnd(tail, 0n, 4)).toEqual([1, 2, 3]);
    const reads = log.reads.length;
    expect(tail.readPage(3n, 4)).toEqual([]);
    expect(log.reads.length).toBe(reads);
    await log.changes.wait(1);
    expect(tail.readPage(3n, 4)).toEqual([]);
    expect(log.reads.length).toBe(reads + 1);
  });

  it('hands a subscription behind the window the rows it missed, read by itself, then the kept ones', () => {
    const log = logOf(range(1, 50));
    const tail = log.tail({ pageSize: 5, windowSize: 10 });
    expect(readToEnd(tail, 0n, 5)).toEqual(range(1, 50));
    const reads = log.reads.length;
    expect(readToEnd(tail, 3n, 5)).toEqual(range(4, 50));
    // The window kept 31 to 50: positions 4 to 33 from the log, page by page, until it is in the window.
    expect(log.reads.slice(reads)).toEqual([3n, 8n, 13n, 18n, 23n, 28n]);
  });

  it('moves the window to a subscription that starts past it', () => {
    const log = logOf(range(1, 30));
    const tail = log.tail({ pageSize: 5, windowSize: 10 });
    expect(positionsOf(tail.readPage(0n, 5))).toEqual([1, 2, 3, 4, 5]);
    expect(readToEnd(tail, 20n, 5)).toEqual(range(21, 30));
    const reads = log.reads.length;
    expect(positionsOf(tail.readPage(22n, 5))).toEqual([23, 24, 25, 26, 27]);
    expect(log.reads.length).toBe(reads);
    // Left behind by the move: read from the log.
    expect(positionsOf(tail.readPage(2n, 5))).toEqual([3, 4, 5, 6, 7]);
    expect(log.reads.length).toBe(reads + 1);
  });

  it('extends the window with a page read from behind it that goes past its end', () => {
    const log = logOf(range(1, 30));
    const tail = log.tail({ pageSize: 5, windowSize: 10 });
    expect(readToEnd(tail, 20n, 5)).toEqual(range(21, 30));
    for (const position of range(31, 33)) log.append(position);
    const reads = log.reads.length;
    // From behind the window (it starts after 20) past its end (30): 31 to 33 join the window.
    expect(positionsOf(tail.readPage(17n, 20))).toEqual(range(18, 33));
    // Its reader is at the window's end, which that read found to be the log's.
    expect(tail.readPage(33n, 5)).toEqual([]);
    expect(readToEnd(tail, 30n, 5)).toEqual([31, 32, 33]);
    expect(readToEnd(tail, 25n, 5)).toEqual(range(26, 33));
    expect(log.reads.length).toBe(reads + 1);
  });

  it('finds the rows after a position that is no row of the log (gaps, a checkpoint between rows)', () => {
    const log = logOf([2, 5, 9, 14, 20]);
    const tail = log.tail({ pageSize: 10, windowSize: 10 });
    expect(readToEnd(tail, 0n, 10)).toEqual([2, 5, 9, 14, 20]);
    expect(positionsOf(tail.readPage(6n, 2))).toEqual([9, 14]);
    expect(positionsOf(tail.readPage(9n, 10))).toEqual([14, 20]);
    expect(positionsOf(tail.readPage(19n, 10))).toEqual([20]);
  });

  it('decodes a row once: every subscription handed it gets the same event', () => {
    const log = logOf(range(1, 10));
    const tail = log.tail({ pageSize: 4, windowSize: 8 });
    const [first] = tail.readPage(0n, 4);
    const [again] = tail.readPage(0n, 4);
    expect(again).toBe(first);
    expect(tail.toEvent(again!)).toBe(tail.toEvent(first!));
    expect(tail.toEvent(first!)).toEqual({ position: 1n });
  });

  it('decodes a row again once the window has moved past it, and keeps the others their events', () => {
    const log = logOf(range(1, 12));
    const tail = log.tail({ pageSize: 3, windowSize: 3 });
    const [first] = tail.readPage(0n, 3);
    const decoded = tail.toEvent(first!);
    readToEnd(tail, 3n, 3);
    expect(tail.toEvent(first!)).not.toBe(decoded);
    expect(tail.toEvent(first!)).toEqual(decoded);
    const kept = tail.readPage(10n, 3);
    expect(kept.map((row) => tail.toEvent(row))).toEqual([{ position: 11n }, { position: 12n }]);
    expect(tail.toEvent(kept[0]!)).toBe(tail.toEvent(tail.readPage(10n, 1)[0]!));
  });

  it('leaves a page already handed out as it was when the window moves on', () => {
    const log = logOf(range(1, 6));
    const tail = log.tail({ pageSize: 3, windowSize: 3 });
    const page = tail.readPage(0n, 3);
    for (const position of range(7, 12)) log.append(position);
    expect(readToEnd(tail, 3n, 3)).toEqual(range(4, 12));
    expect(positionsOf(page)).toEqual([1, 2, 3]);
  });
});
