import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localDateOf } from './local-dates.ts';

describe('localDateOf', () => {
  it('gives the local date luxon gives, in zones ahead of and behind UTC, with and without summer time', () => {
    const zones = [
      'Europe/Paris',
      'America/New_York',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'Asia/Kolkata',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2080, 0, 1) }),
        (zone, at) => {
          expect(localDateOf(zone, at)).toBe(DateTime.fromMillis(at, { zone }).toISODate());
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('turns the date at local midnight, not at UTC midnight', () => {
    expect(localDateOf('Europe/Paris', Date.parse('2026-05-06T21:59:59.999Z'))).toBe('2026-05-06');
    expect(localDateOf('Europe/Paris', Date.parse('2026-05-06T22:00:00Z'))).toBe('2026-05-07');
    expect(localDateOf('Europe/Paris', Date.parse('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
