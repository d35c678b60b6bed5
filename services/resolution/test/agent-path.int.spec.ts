import { afterEach, describe, expect, it } from 'vitest';
import {
  after,
  agent,
  contact,
  given,
  type Resolution,
  received,
  signContract,
  startResolution,
  temporarySqliteStore,
} from './resolution-harness.ts';

const HOUR = 60 * 60 * 1000;
let resolution: Resolution;
let dispose: () => void;

afterEach(async () => {
  await resolution.close();
  dispose();
});

describe("an agent's whole path on a ticket, on the embedded SQLite store", () => {
  it('takes charge, asks, works around, fixes, has it reopened, fixes again, and the client closes it', async () => {
    const sqlite = await temporarySqliteStore();
    dispose = sqlite.dispose;
    resolution = await startResolution({ store: sqlite.store });
    const { store, clock } = resolution;
    await signContract(store);
    await given(store, received('T-1'));
    const step = async (path: string, body: object) => {
      const response = await resolution.send(`/tickets/T-1/${path}`, body);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      await clock.advanceBy(HOUR);
      return response.body;
    };

    expect((await step('take-charge', { by: agent })).status).toBe('taken_charge');
    expect((await step('customer-questions', { by: agent, question: 'Which invoice number?' })).status).toBe(
      'awaiting_customer',
    );
    // The client's reply comes through intake; here it is appended as intake would.
    await given(store, {
      type: 'RecordCustomerReply',
      ticketId: 'T-1',
      message: 'Number 42',
      by: contact,
      at: after(HOUR),
    });
    await clock.advanceBy(HOUR);
    expect((await step('workarounds', { by: agent, description: 'Post it dated April' })).status).toBe(
      'workaround_provided',
    );
    expect((await step('time', { by: agent, minutes: 90, what: 'Reproduced and worked around' })).minutesSpent).toBe(
      90,
    );
    const fixed = await step('fixes', { by: agent, how: 'fix', note: 'Program 12.4.1 sent' });
    expect(fixed).toMatchObject({ status: 'resolved', milestones: { resolution: after(5 * HOUR) } });
    expect((await step('reopening', { by: contact, reason: 'Still fails for credit notes' })).status).toBe(
      'in_progress',
    );
    expect((await step('fixes', { by: agent, how: 'fix', note: 'Program 12.4.2 sent' })).reopenCount).toBe(1);
    const closed = await step('closing', { by: contact, reason: 'confirmed_by_client' });
    expect(closed).toMatchObject({
      status: 'closed',
      milestones: { takeCharge: after(0), workaround: after(3 * HOUR), resolution: after(7 * HOUR) },
    });

    // Closing is final: the client cannot reopen a closed ticket, nor close it twice.
    const reopen = await resolution.send('/tickets/T-1/reopening', { by: contact, reason: 'Again' });
    expect(reopen.body).toMatchObject({ status: 409, code: 'ticket.closed' });
    const closeAgain = await resolution.send('/tickets/T-1/closing', { by: contact, reason: 'confirmed_by_client' });
    expect(closeAgain.body).toMatchObject({ status: 409, code: 'ticket.closed' });

    const history = await store.readStream('ticket-T-1');
    expect(history.map((event) => event.type)).toEqual([
      'TicketReceived',
      'TicketTakenCharge',
      'TicketWorkStarted',
      'CustomerInputRequested',
      'CustomerReplied',
      'WorkaroundProvided',
      'TimeRecorded',
      'TicketResolved',
      'TicketReopened',
      'TicketResolved',
      'TicketClosed',
    ]);
    expect(history.map((event) => event.revision)).toEqual(history.map((_, index) => BigInt(index)));
    expect(await store.verify({ stream: 'ticket-T-1' })).toMatchObject({ ok: true });
  });
});
