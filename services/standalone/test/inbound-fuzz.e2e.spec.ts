import { type DeadLetter, defineTopic, inboundMessageSchema, inboundTopic } from '@hotline/messaging';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldHintsFrom } from './fuzz/field-hints.ts';
import { fuzzRuns, fuzzSeed } from './fuzz/fuzz-settings.ts';
import { startFuzzedProduct } from './fuzz/fuzzed-product.ts';
import { firstIssuePath, inboundPayloads } from './fuzz/inbound-messages.ts';
import { storeFaults } from './fuzz/store-checks.ts';

const product = await startFuzzedProduct('hotline-inbound-fuzz');
const { bus, store } = product.running.context;
const hints = await fieldHintsFrom(store);

// The topic as a producer that checks nothing sees it: how malformed messages reach intake.
const unchecked = defineTopic({
  name: inboundTopic.name,
  partitions: inboundTopic.partitions,
  title: 'unchecked',
  description: 'support.inbound.v1 without its schema',
  key: 'anything',
  payload: z.unknown(),
  deadLetter: false,
});

const deadLetters: DeadLetter[] = [];
await bus.consume({
  group: 'fuzz-dead-letters',
  topic: inboundTopic.deadLetter!,
  handler: ({ payload }) => {
    deadLetters.push(payload);
  },
});

afterAll(async () => {
  await product.stop();
});

const KEYS = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

const agentJoined = (agentId: string) => ({
  messageId: crypto.randomUUID(),
  source: 'fuzz',
  occurredAt: '2026-02-02T09:00:00.000Z',
  kind: 'agent.joined' as const,
  payload: { agentId, name: agentId, role: 'agent' as const, by: 'manager-eve' },
});

type Message = { readonly messageId?: unknown };
const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'messageId' in value;

/** Message `to` again, under the id of message `from` (indices wrap), when both are messages. */
function reusedId(payloads: readonly unknown[], from: number, to: number): unknown[] {
  const source = payloads[from % payloads.length];
  const target = payloads[to % payloads.length];
  return isMessage(source) && isMessage(target) && source !== target
    ? [{ ...target, messageId: source.messageId }]
    : [];
}

let batch = 0;

/**
 * Publishes the messages over a few keys, then one valid sentinel per key: messages with one key
 * are handled in order, so once every sentinel's agent is in the store, intake has been through
 * every message. Returns the dead letters the batch produced.
 */
async function publishAndDrain(payloads: readonly unknown[]): Promise<DeadLetter[]> {
  batch += 1;
  const firstLetter = deadLetters.length;
  const keys = Array.from({ length: KEYS }, (_, index) => `fuzz-${batch}-${index}`);
  await bus.publish(
    unchecked,
    payloads.map((payload, index) => ({ key: keys[index % KEYS]!, payload })),
  );
  const sentinels = keys.map((key) => ({ key, agentId: `sentinel-${key}` }));
  await bus.publish(
    inboundTopic,
    sentinels.map(({ key, agentId }) => ({ key, payload: agentJoined(agentId) })),
  );
  for (const { agentId } of sentinels) {
    await eventually(async () => ((await store.readStream(`agent-${agentId}`)).length > 0 ? true : undefined), agentId);
  }
  // The dead-letter consumer follows its topic on its own: let it catch up.
  let seen = -1;
  while (seen !== deadLetters.length) {
    seen = deadLetters.length;
    await sleep(100);
  }
  return deadLetters.slice(firstLetter);
}

describe(`support.inbound.v1, fuzzed through the in-process bus (FUZZ_SEED=${fuzzSeed})`, () => {
  it('takes in each message or dead-letters it with a reason naming the field; none is lost', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(inboundPayloads(hints), { minLength: 1, maxLength: 24 })
          // Redeliveries and resends: the same message again must be harmless.
          .chain((payloads) =>
            fc.subarray(payloads, { maxLength: Math.min(3, payloads.length) }).map((again) => [...payloads, ...again]),
          )
          // A producer reusing a message id for another message: refused, never retried until given up.
          .chain((payloads) =>
            fc
              .array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 })
              .map((pairs) => [...payloads, ...pairs.flatMap(([from, to]) => reusedId(payloads, from, to))]),
          ),
        async (payloads) => {
          const letters = await publishAndDrain(payloads);
          const pending = new Map<string, number>();
          for (const letter of letters) pending.set(letter.payload, (pending.get(letter.payload) ?? 0) + 1);
          let accepted = 0;
          let refused = 0;
          for (const payload of payloads) {
            const text = JSON.stringify(payload);
            const left = pending.get(text) ?? 0;
            const valid = inboundMessageSchema.safeParse(payload).success;
            if (left === 0) {
              // Not dead-lettered: intake took it in, which only a valid message may be.
              expect(valid, `accepted an invalid message: ${text.slice(0, 300)}`).toBe(true);
              accepted += 1;
              continue;
            }
            pending.set(text, left - 1);
            refused += 1;
            const letter = letters.find((each) => each.payload === text)!;
            if (valid) {
              // A valid message the domain refuses: its code, never a crash retried until given up.
              expect(letter.error.code, text.slice(0, 300)).not.toMatch(/^messaging\./);
            } else {
              expect(letter.error.code).toBe('messaging.invalid_message');
              expect(letter.error.message).toContain(firstIssuePath(payload));
            }
          }
          // Every dead letter is one of this batch's messages, and every message has one outcome.
          expect([...pending.values()].every((count) => count === 0)).toBe(true);
          expect(accepted + refused).toBe(payloads.length);
          expect(letters).toHaveLength(refused);
        },
      ),
      // Found by this fuzzing once, kept: an unpaired surrogate would have broken the agent stream's hash chain.
      { seed: fuzzSeed, numRuns: fuzzRuns(12), examples: [[[agentJoined('fuzz-\ud800'), agentJoined('fuzz-ok')]]] },
    );
  });

  it('leaves every stream verified and every event readable by the domain', async () => {
    expect(await storeFaults(store)).toEqual([]);
  });
});
