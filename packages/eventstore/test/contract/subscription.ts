import { expect, it } from 'vitest';
import { NO_STREAM, type RecordedEvent } from '../../src/index.ts';
import { anEvent, type ContractContext, events, freshStream } from './context.ts';

const within = { timeoutMs: 10_000 };

export function subscriptionContract(context: ContractContext): void {
  it('catches up with the history, then follows live appends, in order', async () => {
    const stream = freshStream();
    const start = await context.store.headPosition();
    await context.store.append(stream, events(3), { expectedRevision: NO_STREAM });
    const seen: RecordedEvent[] = [];
    const subscription = context.store.subscribe((event) => void seen.push(event), { after: start });
    const live = await context.store.append(stream, events(2), { expectedRevision: 2n });
    await subscription.waitFor(live.position, within);
    expect(seen.filter((event) => event.stream === stream).map((event) => event.revision)).toEqual([
      0n,
      1n,
      2n,
      3n,
      4n,
    ]);
    expect(subscription.position).toBeGreaterThanOrEqual(live.position);
    await subscription.stop();
    await expect(subscription.done).resolves.toBeUndefined();
  });

  it('starts after a given position: a consumer resumes from its checkpoint', async () => {
    const stream = freshStream();
    await context.store.append(stream, events(2), { expectedRevision: NO_STREAM });
    const [, second] = await context.store.readStream(stream);
    const rest = await context.store.append(stream, events(2), { expectedRevision: 1n });
    const seen: bigint[] = [];
    const subscription = context.store.subscribe((event) => void seen.push(event.revision), {
      after: second?.position as bigint,
      filter: { streamPrefixes: [stream] },
    });
    await subscription.waitFor(rest.position, within);
    expect(seen).toEqual([2n, 3n]);
    await subscription.stop();
  });

  it('sees only live events when it starts at the head', async () => {
    const stream = freshStream();
    await context.store.append(stream, events(2), { expectedRevision: NO_STREAM });
    const seen: bigint[] = [];
    const subscription = context.store.subscribe((event) => void seen.push(event.revision), {
      after: await context.store.headPosition(),
      filter: { streamPrefixes: [stream] },
    });
    const live = await context.store.append(stream, events(1), { expectedRevision: 1n });
    await subscription.waitFor(live.position, within);
    expect(seen).toEqual([2n]);
    await subscription.stop();
  });

  it('filters by stream prefix and by event type', async () => {
    const [ticket, contract] = [freshStream('ticket'), freshStream('contract')];
    const start = await context.store.headPosition();
    const byPrefix: string[] = [];
    const byType: string[] = [];
    const both: string[] = [];
    const subscriptions = [
      context.store.subscribe((event) => void byPrefix.push(event.type), {
        after: start,
        filter: { streamPrefixes: [contract] },
      }),
      context.store.subscribe((event) => void byType.push(event.stream), {
        after: start,
        filter: { eventTypes: ['TicketClosed', 'ContractSigned'] },
      }),
      context.store.subscribe((event) => void both.push(event.type), {
        after: start,
        filter: { streamPrefixes: [ticket], eventTypes: ['TicketClosed'] },
      }),
    ];
    await context.store.append(ticket, [anEvent(), anEvent({ type: 'TicketClosed' })], { expectedRevision: NO_STREAM });
    await context.store.append(contract, events(1, 'ContractSigned'), { expectedRevision: NO_STREAM });
    const last = await context.store.append(contract, events(1, 'ContractRenewed'), { expectedRevision: 0n });
    await Promise.all(subscriptions.map((subscription) => subscription.waitFor(last.position, within)));
    expect(byPrefix).toEqual(['ContractSigned', 'ContractRenewed']);
    expect(byType.filter((stream) => stream === ticket || stream === contract)).toEqual([ticket, contract]);
    expect(both).toEqual(['TicketClosed']);
    await Promise.all(subscriptions.map((subscription) => subscription.stop()));
  });

  it('hands events over one at a time: a slow handler holds the subscription back', async () => {
    const stream = freshStream();
    const start = await context.store.headPosition();
    const last = await context.store.append(stream, events(20), { expectedRevision: NO_STREAM });
    let inFlight = 0;
    let maxInFlight = 0;
    const seen: number[] = [];
    const subscription = context.store.subscribe(
      async (event) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        seen.push(event.data.index as number);
        inFlight--;
      },
      { after: start, filter: { streamPrefixes: [stream] } },
    );
    await subscription.waitFor(last.position, within);
    expect(maxInFlight).toBe(1);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
    await subscription.stop();
  });

  it('holds back only its own subscription: the others go on, and it gets every event once released', async () => {
    const stream = freshStream();
    const start = await context.store.headPosition();
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: number[] = [];
    const fast: number[] = [];
    const filter = { streamPrefixes: [stream] };
    const held = context.store.subscribe(
      async (event) => {
        await released;
        slow.push(event.data.index as number);
      },
      { after: start, filter },
    );
    const free = context.store.subscribe((event) => void fast.push(event.data.index as number), {
      after: start,
      filter,
    });
    // Thousands of events go by the held one: more than any adapter keeps for its subscriptions.
    const batches = 10;
    const perBatch = 500;
    let last = 0n;
    for (let batch = 0; batch < batches; batch++) {
      const appended = await context.store.append(
        stream,
        events(perBatch).map((event, i) => ({ ...event, data: { index: batch * perBatch + i } })),
        { expectedRevision: batch === 0 ? NO_STREAM : BigInt(batch * perBatch - 1) },
      );
      last = appended.position;
    }
    await free.waitFor(last, within);
    expect(fast).toEqual(Array.from({ length: batches * perBatch }, (_, i) => i));
    expect(slow).toEqual([]);
    expect(held.position).toBeLessThan(last);
    release();
    await held.waitFor(last, within);
    expect(slow).toEqual(fast);
    await Promise.all([held.stop(), free.stop()]);
  });

  it('stops on a failing handler and says why in done', async () => {
    const stream = freshStream();
    const start = await context.store.headPosition();
    const appended = await context.store.append(stream, events(3), { expectedRevision: NO_STREAM });
    const handled: bigint[] = [];
    const subscription = context.store.subscribe(
      (event) => {
        if (event.revision === 1n) throw new Error('projection failed');
        handled.push(event.revision);
      },
      { after: start, filter: { streamPrefixes: [stream] } },
    );
    await expect(subscription.done).rejects.toThrow('projection failed');
    await expect(subscription.waitFor(appended.position)).rejects.toThrow('projection failed');
    expect(handled).toEqual([0n]);
    expect(subscription.position).toBeLessThan(appended.position);
  });
}
