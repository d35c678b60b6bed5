import {
  playWorkedExample,
  type TargetClock,
  ticketOutcomeOf,
  ticketSla,
  toEpochMs,
  workedExamples,
} from '@hotline/domain';
import { describe, expect, it } from 'vitest';
import type { ContractRecord } from '../projections/contract-record.ts';
import { foldTicketRecord, type TicketRecord } from '../projections/ticket-record.ts';
import {
  type Judgement,
  judgementStableUntil,
  judgementValidUntil,
  judgeTicket,
  overrunAt,
} from './ticket-judgement.ts';

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

describe("an open ticket's overrun read on", () => {
  it('reads as a judgement afresh, but for counted time, until the next due instant', () => {
    // Worked example 1 cut before its fix: the resolution was due Wed 2026-05-20 10:00, so it overruns.
    const played = playWorkedExample(workedExamples[0]!);
    const events = played.events.filter((event) => event.type !== 'TicketResolved' && event.type !== 'TicketClosed');
    const record = events.reduce<TicketRecord | undefined>(foldTicketRecord, undefined)!;
    const contract: ContractRecord = { kind: 'contract', contract: played.example.contracts[0]!, signedAt: '' };
    const evaluatedAt = toEpochMs('2026-05-21T09:00:00+02:00');
    const judged = judgeTicket(record, contract, evaluatedAt);
    expect(judged.outcome.overrunDays).toBe(1);
    expect(judgementValidUntil(judged, evaluatedAt)).toBe(evaluatedAt + 1);
    expect(judgementStableUntil(judged, evaluatedAt)).toBe(Number.POSITIVE_INFINITY);
    const countedTime = ({ countedMs: _c, remainingMs: _r, consumed: _p, ...kept }: TargetClock) => kept;
    const comparable = (judgement: Judgement) => ({
      ...judgement,
      sla: {
        ...judgement.sla,
        evaluation: { ...judgement.sla.evaluation, targets: judgement.sla.evaluation.targets.map(countedTime) },
      },
    });
    for (const later of ['2026-05-21T09:00:00.001+02:00', '2026-05-26T15:00:00+02:00', '2026-07-01T12:00:00+02:00']) {
      const now = toEpochMs(later);
      expect(comparable(overrunAt(judged, now))).toEqual(comparable(judgeTicket(record, contract, now)));
    }
  });

  it('is not stable past a target due later, nor at a target due at the very instant', () => {
    const played = playWorkedExample(workedExamples[3]!);
    const record = played.events.reduce<TicketRecord | undefined>(foldTicketRecord, undefined)!;
    const contract: ContractRecord = { kind: 'contract', contract: played.example.contracts[0]!, signedAt: '' };
    const at = toEpochMs('2026-09-14T11:00:00+02:00');
    expect(judgementStableUntil(judgeTicket(record, contract, at), at)).toBe(toEpochMs('2026-09-14T14:00:00+02:00'));
    const due = toEpochMs('2026-09-14T14:00:00+02:00');
    expect(judgementStableUntil(judgeTicket(record, contract, due), due)).toBe(due);
  });
});
