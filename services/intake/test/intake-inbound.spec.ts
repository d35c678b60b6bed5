import { type DeadLetter, inboundTopic } from '@hotline/messaging';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ticketIdFor } from '../src/requests/ticket-identity.ts';
import { intakeHarness, p2Submission } from './intake-harness.ts';

let harness: Awaited<ReturnType<typeof intakeHarness>>;
beforeEach(async () => {
  harness = await intakeHarness();
});
afterEach(async () => {
  await harness.close();
});

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The inbound dead letters the harness's bus receives from now on, in a list that grows. */
async function deadLettersOf(running: Awaited<ReturnType<typeof intakeHarness>>): Promise<DeadLetter[]> {
  const deadLetters: DeadLetter[] = [];
  await running.bus.consume({
    group: 'test-dead-letters',
    topic: inboundTopic.deadLetter!,
    handler: ({ payload }) => {
      deadLetters.push(payload);
    },
  });
  return deadLetters;
}

const { occurredAt, ...submission } = p2Submission;
const message = (messageId: string, kind: string, payload: object) => ({
  key: 'CP-48213',
  payload: { messageId, source: 'client-portal', kind, occurredAt, payload },
});

describe('intake from support.inbound.v1', () => {
  it('takes a submission in once, however often it is delivered or resent', async () => {
    await harness.bus.publish(inboundTopic, [
      message('6f1c2a57-8a43-4d55-9a51-2f3f0b8f7a10', 'ticket.submitted', submission),
      message('6f1c2a57-8a43-4d55-9a51-2f3f0b8f7a10', 'ticket.submitted', submission),
      message('0b0e4f4e-6c1b-4d8e-9d6f-3a1c6c2f9e11', 'ticket.submitted', submission),
    ] as never);
    const stream = `ticket-${ticketIdFor('client-portal', 'CP-48213')}`;
    const events = await eventually(async () => {
      const read = await harness.store.readStream(stream);
      return read.length > 0 ? read : undefined;
    });
    // Give the two duplicates time to be handled too before counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await harness.store.readStream(stream)).toHaveLength(events.length);
    expect(events[0]).toMatchObject({
      type: 'TicketReceived',
      occurredAt: '2026-05-07T14:00:00.000Z',
      actor: 'contact-cleo',
    });
  });

  it("takes in many references at once, and a reference's follow-up only after its submission", async () => {
    const deadLetters = await deadLettersOf(harness);
    const references = Array.from({ length: 40 }, (_, index) => `CP-${50_000 + index}`);
    const ticketOf = (reference: string) => `ticket-${ticketIdFor('client-portal', reference)}`;
    await harness.bus.publish(
      inboundTopic,
      references.flatMap((reference, index) => [
        {
          key: reference,
          payload: {
            messageId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
            source: 'client-portal',
            kind: 'ticket.submitted',
            occurredAt,
            payload: { ...submission, externalId: reference },
          },
        },
        // Refused as ticket.not_found if it were taken in before the submission of its key.
        {
          key: reference,
          payload: {
            messageId: `00000000-0000-4000-9000-${String(index).padStart(12, '0')}`,
            source: 'client-portal',
            kind: 'ticket.client_message',
            occurredAt,
            payload: {
              ticketId: ticketIdFor('client-portal', reference),
              kind: 'reminder',
              message: 'Any news?',
              by: 'contact-cleo',
            },
          },
        },
      ]) as never,
    );
    for (const reference of references) {
      const types = await eventually(async () => {
        const read = await harness.store.readStream(ticketOf(reference));
        return read.some((event) => event.type === 'ClientMessageReceived')
          ? read.map((event) => event.type)
          : undefined;
      });
      expect(types.indexOf('TicketReceived'), reference).toBeLessThan(types.indexOf('ClientMessageReceived'));
    }
    expect(deadLetters).toEqual([]);
  });

  it('sends a request the domain refuses to the dead-letter topic with the reason, and goes on', async () => {
    const deadLetters = await deadLettersOf(harness);
    await harness.bus.publish(inboundTopic, [
      message('11111111-1111-4111-8111-111111111111', 'ticket.cancelled', { ticketId: 'unknown', by: 'contact-cleo' }),
      message('22222222-2222-4222-8222-222222222222', 'ticket.submitted', submission),
    ] as never);
    const [dead] = await eventually(async () => (deadLetters.length > 0 ? deadLetters : undefined));
    expect(dead).toMatchObject({
      sourceTopic: 'support.inbound.v1',
      group: 'intake',
      error: { code: 'ticket.not_found' },
    });
    await eventually(async () => {
      const read = await harness.store.readStream(`ticket-${ticketIdFor('client-portal', 'CP-48213')}`);
      return read.length > 0 ? read : undefined;
    });
  });
});

describe('the sources support.inbound.v1 takes in (UPSTREAM_SYSTEMS)', () => {
  it('dead-letters a message from a source not configured, with the reason, and takes the others in', async () => {
    const guarded = await intakeHarness({ upstreamSystems: ['erp', 'client-portal'] });
    try {
      const deadLetters = await deadLettersOf(guarded);
      const unknown = {
        key: 'SH-1',
        payload: {
          messageId: '33333333-3333-4333-8333-333333333333',
          source: 'shadow-erp',
          kind: 'ticket.submitted',
          occurredAt,
          payload: { ...submission, externalId: 'SH-1' },
        },
      };
      await guarded.bus.publish(inboundTopic, [
        unknown,
        message('44444444-4444-4444-8444-444444444444', 'ticket.submitted', submission),
      ] as never);
      const [dead] = await eventually(async () => (deadLetters.length > 0 ? deadLetters : undefined));
      expect(dead).toMatchObject({
        sourceTopic: 'support.inbound.v1',
        group: 'intake',
        error: {
          code: 'inbound.unknown_source',
          message: expect.stringContaining('"shadow-erp" is not a configured upstream system'),
        },
      });
      await eventually(async () => {
        const read = await guarded.store.readStream(`ticket-${ticketIdFor('client-portal', 'CP-48213')}`);
        return read.length > 0 ? read : undefined;
      });
      // Nothing of the unknown source's message was written.
      expect(await guarded.store.readStream(`ticket-${ticketIdFor('shadow-erp', 'SH-1')}`)).toEqual([]);
      expect(deadLetters).toHaveLength(1);
    } finally {
      await guarded.close();
    }
  });
});
