import { describe, expect, it } from 'vitest';
import { businessCalendar, continuousCalendar } from './business-calendar.ts';
import { normalizePauses } from './interval.ts';
import { HOUR, inParis, paris } from './paris-time.fixture.ts';

const standard = businessCalendar();
const forever = Number.POSITIVE_INFINITY;

describe('pauses of the clock', () => {
  it('does not count paused time', () => {
    const pause = { start: paris('2026-05-12T10:00'), end: paris('2026-05-12T11:00') };
    expect(standard.measure(paris('2026-05-12T09:00'), paris('2026-05-12T12:00'), [pause])).toBe(2 * HOUR);
  });

  it('moves the due instant by exactly the business time inside the pause', () => {
    // Tue 10:00 to Wed 14:00 holds 2.5 + 4.5 + 3.5 + 0.5 = 11 business hours.
    const pause = { start: paris('2026-05-12T10:00'), end: paris('2026-05-13T14:00') };
    const received = paris('2026-05-11T09:00');
    expect(standard.add(received, 16 * HOUR, [pause])).toBe(standard.add(received, 27 * HOUR));
  });

  it('does not move the due instant for a pause entirely outside service hours', () => {
    const weekend = { start: paris('2026-05-09T00:00'), end: paris('2026-05-11T00:00') };
    const received = paris('2026-05-07T16:00');
    expect(standard.add(received, 4 * HOUR, [weekend])).toBe(standard.add(received, 4 * HOUR));
  });

  it('never reaches the duration when a pause without end starts before it is reached', () => {
    const awaitingCustomer = { start: paris('2026-05-12T10:00'), end: forever };
    expect(standard.add(paris('2026-05-11T09:00'), 16 * HOUR, [awaitingCustomer])).toBe(forever);
  });

  it('ignores a pause without end that starts after the duration is reached', () => {
    const awaitingCustomer = { start: paris('2026-05-13T10:00'), end: forever };
    expect(inParis(standard.add(paris('2026-05-11T09:00'), 16 * HOUR, [awaitingCustomer]))).toBe(
      '2026-05-12T18:00:00.000',
    );
  });

  it('is due at the pause start when the duration is reached exactly there', () => {
    const awaitingCustomer = { start: paris('2026-05-12T18:00'), end: forever };
    expect(inParis(standard.add(paris('2026-05-11T09:00'), 16 * HOUR, [awaitingCustomer]))).toBe(
      '2026-05-12T18:00:00.000',
    );
  });

  it('counts nothing after a pause without end', () => {
    const pause = { start: paris('2026-05-12T10:00'), end: forever };
    expect(standard.measure(paris('2026-05-12T09:00'), paris('2026-06-12T09:00'), [pause])).toBe(HOUR);
  });

  it('counts overlapping and unsorted pauses once', () => {
    const pauses = [
      { start: paris('2026-05-12T11:00'), end: paris('2026-05-12T12:00') },
      { start: paris('2026-05-12T10:00'), end: paris('2026-05-12T11:30') },
    ];
    expect(standard.measure(paris('2026-05-12T09:00'), paris('2026-05-12T12:30'), pauses)).toBe(1.5 * HOUR);
  });

  it('starts counting when a pause that began before the start ends', () => {
    const pause = { start: paris('2026-05-11T15:00'), end: paris('2026-05-12T10:00') };
    expect(inParis(standard.add(paris('2026-05-12T09:00'), HOUR, [pause]))).toBe('2026-05-12T11:00:00.000');
  });

  it('pauses the continuous calendar too', () => {
    const pause = { start: Date.parse('2026-03-29T01:00:00Z'), end: Date.parse('2026-03-29T01:30:00Z') };
    expect(continuousCalendar().add(Date.parse('2026-03-29T00:45:00Z'), HOUR, [pause])).toBe(
      Date.parse('2026-03-29T02:15:00Z'),
    );
  });
});

describe('normalizePauses', () => {
  it('sorts pauses and merges the ones that overlap or touch', () => {
    expect(
      normalizePauses([
        { start: 50, end: 60 },
        { start: 0, end: 10 },
        { start: 10, end: 20 },
        { start: 15, end: 30 },
      ]),
    ).toEqual([
      { start: 0, end: 30 },
      { start: 50, end: 60 },
    ]);
  });

  it('drops empty pauses', () => {
    expect(normalizePauses([{ start: 10, end: 10 }])).toEqual([]);
  });

  it('refuses a pause whose bounds are not numbers', () => {
    expect(() => normalizePauses([{ start: Number.NaN, end: 10 }])).toThrow(RangeError);
  });
});
