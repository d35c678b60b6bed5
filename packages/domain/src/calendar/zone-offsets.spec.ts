import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isKnownTimeZone, utcOffsetAt, wallClock } from './zone-offsets.ts';

const wall = (local: string) => Date.parse(`${local}Z`);
const wallToInstant = (zone: string, wallTime: number) => wallClock(zone)(wallTime);

describe('wallClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('converts an ordinary Paris wall time with its offset', () => {
    expect(wallToInstant('Europe/Paris', wall('2026-05-07T16:00'))).toBe(Date.parse('2026-05-07T14:00:00Z'));
  });

  it('maps a wall time skipped by the clocks going forward to the instant of the jump', () => {
    expect(wallToInstant('Europe/Paris', wall('2026-03-29T02:30'))).toBe(Date.parse('2026-03-29T01:00:00Z'));
  });

  it('maps a wall time repeated by the clocks going back to its first occurrence', () => {
    expect(wallToInstant('Europe/Paris', wall('2026-10-25T02:30'))).toBe(Date.parse('2026-10-25T00:30:00Z'));
  });

  it('gives the same instant whatever the date the code runs', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-07-01T12:00:00Z'));
    const inSummer = wallToInstant('Europe/Paris', wall('2027-10-31T02:30'));
    vi.setSystemTime(Date.parse('2026-12-01T12:00:00Z'));
    expect(wallToInstant('Europe/Paris', wall('2027-10-31T02:30'))).toBe(inSummer);
  });

  it('handles half-hour daylight saving time (Lord Howe Island)', () => {
    expect(wallToInstant('Australia/Lord_Howe', wall('2026-10-04T02:15'))).toBe(Date.parse('2026-10-03T15:30:00Z'));
  });

  it('handles zones south of the equator, where summer spans New Year', () => {
    expect(wallToInstant('America/Santiago', wall('2027-01-01T00:00'))).toBe(Date.parse('2027-01-01T03:00:00Z'));
  });
});

describe('isKnownTimeZone', () => {
  it.each(['Europe/Paris', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'])('accepts %s', (name) => {
    expect(isKnownTimeZone(name)).toBe(true);
  });

  it.each(['Europe/Atlantis', '+02:00', '', 'Paris'])('refuses %j', (name) => {
    expect(isKnownTimeZone(name)).toBe(false);
  });
});

describe('utcOffsetAt', () => {
  const zones = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];

  it('gives the offset luxon gives, at random instants and on either side of each transition', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2080, 0, 1) }),
        (zone, instant) => {
          expect(utcOffsetAt(zone, instant)).toBe(IANAZone.create(zone).offset(instant) * 60_000);
        },
      ),
      { numRuns: 2_000 },
    );
    const paris = IANAZone.create('Europe/Paris');
    for (const jump of [Date.parse('2026-03-29T01:00:00Z'), Date.parse('2026-10-25T01:00:00Z')]) {
      for (const instant of [jump - 1, jump, jump + 1]) {
        expect(utcOffsetAt('Europe/Paris', instant)).toBe(paris.offset(instant) * 60_000);
      }
    }
  });
});
