import { playWorkedExample, ticketOutcomeOf, ticketSla, toEpochMs, workedExamples } from '@hotline/domain';
import { describe, expect, it } from 'vitest';
import type { ContractRecord } from '../projections/contract-record.ts';
import { foldTicketRecord, type TicketRecord } from '../projections/ticket-record.ts';
import { judgementValidUntil, judgeTicket } from './ticket-judgement.ts';

const instants = [
  '2026-03-29T02:00:00+02:00',
  '2026-05-20T10:00:00+02:00',
  '2026-06-30T12:00:00+02:00',
  '2026-09-14T11:00:00+02:00',
  '2027-02-01T00:00:00+01:00',
];

describe("a ticket's judgement from its record", () => {
  for (const example of workedExamples) {
    it(`reads as the domain reads the events of worked example ${example.number}, at any instant`, () => {
      const { events } = playWorkedExample(example);
      const contract = example.contracts[0]!;
      const record = events.reduce<TicketRecord | undefined>(foldTicketRecord, undefined)!;
      const contractRecord: ContractRecord = { kind: 'contract', contract, signedAt: '2026-01-01T00:00:00+01:00' };
      for (const at of instants) {
        const now = toEpochMs(at);
        if (now < toEpochMs(events.at(-1)!.at)) continue;
        const expected = ticketOutcomeOf(
          events,
          ticketSla(events, () => contract, now),
        );
        expect(judgeTicket(record, contractRecord, now).outcome).toEqual(expected);
      }
    });
  }

  it('stays valid forever once resolved, and until the next due instant while open', () => {
    const [first, , , fourth] = workedExamples.map(playWorkedExample);
    const judge = (played: typeof first, at: string) => {
      const record = played!.events.reduce<TicketRecord | undefined>(foldTicketRecord, undefined)!;
      const contract: ContractRecord = { kind: 'contract', contract: played!.example.contracts[0]!, signedAt: '' };
      return judgementValidUntil(judgeTicket(record, contract, toEpochMs(at)), toEpochMs(at));
    };
    expect(judge(first, '2026-06-30T12:00:00+02:00')).toBe(Number.POSITIVE_INFINITY);
    // Example 4 at 11:00: the P1 workaround falls due 4 business hours after reception, at 13:00... 14:00 with lunch.
    expect(judge(fourth, '2026-09-14T11:00:00+02:00')).toBe(toEpochMs('2026-09-14T14:00:00+02:00'));
  });
});
