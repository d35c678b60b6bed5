import { describe, expect, it } from 'vitest';
import { acmeMaintenanceTerms } from '../scenarios/acme-contract.ts';
import { formatMoney, percentOf } from './money.ts';
import { dailyPenalty, ticketPenalty } from './penalty.ts';
import { yearProvision } from './provision.ts';

const clause = acmeMaintenanceTerms.penaltyClause!;
const fee = acmeMaintenanceTerms.annualFeeCents;

describe('penalties', () => {
  it('computes a percentage of the fee exactly, to the cent', () => {
    expect(percentOf(2_400_000, 0.5)).toBe(12_000);
    expect(percentOf(2_400_000, 0.2)).toBe(4_800);
    expect(percentOf(1, 50)).toBe(1); // half a cent rounds up
    expect(percentOf(999_999_999_999, 0.0001)).toBe(1_000_000);
  });

  it('reads the daily amount of each priority from the clause', () => {
    expect(dailyPenalty(clause, fee, 'P1')).toBe(12_000);
    expect(dailyPenalty(clause, fee, 'P2')).toBe(4_800);
    expect(dailyPenalty(clause, fee, 'P3')).toBeNull();
  });

  it('multiplies the daily amount by the overrun days (worked example 1: 7 days of P2 is 336.00 EUR)', () => {
    expect(ticketPenalty(clause, fee, { nature: 'malfunction', priority: 'P2', overrunDays: 7 })).toMatchObject({
      applies: true,
      perDayCents: 4_800,
      amountCents: 33_600,
      capped: false,
    });
  });

  it('caps a ticket at 5% of the fee', () => {
    const penalty = ticketPenalty(clause, fee, { nature: 'malfunction', priority: 'P1', overrunDays: 40 });
    expect(penalty).toMatchObject({ uncappedCents: 480_000, capCents: 120_000, amountCents: 120_000, capped: true });
  });

  it('charges nothing for priorities without a rate or natures outside the clause', () => {
    expect(ticketPenalty(clause, fee, { nature: 'malfunction', priority: 'P3', overrunDays: 9 }).amountCents).toBe(0);
    expect(ticketPenalty(clause, fee, { nature: 'functional', priority: 'P1', overrunDays: 9 }).applies).toBe(false);
    expect(ticketPenalty(null, fee, { nature: 'malfunction', priority: 'P1', overrunDays: 9 }).applies).toBe(false);
  });

  it('caps a contract year at 10% of the fee, serving earlier penalties first', () => {
    const provision = yearProvision(clause, fee, [
      { ticketId: 'T-3', accruedAt: 3, amountCents: 120_000 },
      { ticketId: 'T-1', accruedAt: 1, amountCents: 120_000 },
      { ticketId: 'T-2', accruedAt: 2, amountCents: 33_600 },
    ]);
    expect(provision).toMatchObject({
      capCents: 240_000,
      uncappedCents: 273_600,
      provisionCents: 240_000,
      capped: true,
    });
    expect(provision.allocations).toEqual([
      { ticketId: 'T-1', amountCents: 120_000 },
      { ticketId: 'T-2', amountCents: 33_600 },
      { ticketId: 'T-3', amountCents: 86_400 },
    ]);
  });

  it('formats amounts for French readers', () => {
    expect(formatMoney(123_456, 'EUR', 'fr-FR')).toBe('1\u202f234,56\u00a0€');
    expect(formatMoney(123_456, 'EUR', 'en-GB')).toBe('€1,234.56');
  });
});
