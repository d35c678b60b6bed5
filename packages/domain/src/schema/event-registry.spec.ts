import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Instant } from '../shared/time.ts';
import { TicketCancelled, ticketEventSchemas } from '../ticket/ticket-events.ts';
import { composeRegistries, eventRegistry, readStored } from './event-registry.ts';
import { eventSchema } from './event-schema.ts';
import { ActorId, EntityId } from './primitives.ts';

// A fictitious evolution of a real event: TicketCancelled v2 makes the reason a required,
// coded field. Cancellations stored in v1 (free text, optional) are read through the upcaster.
const TicketCancelledV2 = eventSchema('TicketCancelled', 2, {
  ticketId: EntityId,
  reason: z.object({
    code: z.enum(['solved_elsewhere', 'no_longer_needed', 'unspecified']),
    text: z.string().optional(),
  }),
  by: ActorId,
  at: Instant,
});
const TicketCancelledV1 = TicketCancelled.omit({ type: true, schemaVersion: true });

const evolvedSchemas = [...ticketEventSchemas.filter((schema) => schema !== TicketCancelled), TicketCancelledV2];
const registry = eventRegistry(evolvedSchemas, {
  TicketCancelled: {
    1: (payload) => {
      const v1 = TicketCancelledV1.parse(payload);
      const reason = v1.reason === undefined ? { code: 'unspecified' } : { code: 'unspecified', text: v1.reason };
      return { ...v1, reason };
    },
  },
});

const v1 = { ticketId: 'T-1', reason: 'Found it in the FAQ', by: 'contact-cleo', at: '2026-05-08T10:00:00+02:00' };

describe('upcasting', () => {
  it('a v1 payload is read as the current v2 event', () => {
    const parsed = registry.parseEvent('TicketCancelled', 1, v1);
    expect(parsed).toEqual({
      ok: true,
      value: {
        ...v1,
        type: 'TicketCancelled',
        schemaVersion: 2,
        reason: { code: 'unspecified', text: 'Found it in the FAQ' },
      },
    });
  });

  it('upcast gives the current payload, without the header the envelope carries', () => {
    const { reason: _reason, ...withoutReason } = v1;
    expect(registry.upcast('TicketCancelled', 1, withoutReason)).toEqual({
      ok: true,
      value: { ...withoutReason, reason: { code: 'unspecified' } },
    });
  });

  it('a current payload is only validated', () => {
    const v2 = { ...v1, reason: { code: 'no_longer_needed' } };
    expect(registry.upcast('TicketCancelled', 2, v2)).toEqual({ ok: true, value: v2 });
  });

  it('a payload stored with its header is read by the envelope version', () => {
    const stored = { ...v1, type: 'TicketCancelled', schemaVersion: 1 };
    expect(registry.parseEvent('TicketCancelled', 1, stored)).toMatchObject({ ok: true, value: { schemaVersion: 2 } });
  });

  it('a payload the upcaster cannot read is refused, naming the version', () => {
    const result = registry.parseEvent('TicketCancelled', 1, { ...v1, at: 'yesterday' });
    expect(result).toMatchObject({ ok: false, error: { code: 'event.upcast_failed', details: { failedAt: 1 } } });
  });

  it('an upcast payload that breaks the current schema names the field', () => {
    const lax = eventRegistry([TicketCancelledV2], { TicketCancelled: { 1: (payload) => payload } });
    const result = lax.parseEvent('TicketCancelled', 1, v1);
    expect(result).toMatchObject({ ok: false, error: { code: 'event.invalid' } });
    if (!result.ok)
      expect(result.error.message).toMatch(/^Invalid TicketCancelled version 2 \(upcast from version 1\): reason: /);
  });

  it('a version from the future, or below 1, is refused', () => {
    expect(registry.parseEvent('TicketCancelled', 3, v1)).toMatchObject({
      ok: false,
      error: { code: 'event.unsupported_version', details: { currentVersion: 2 } },
    });
    expect(registry.parseEvent('TicketCancelled', 0, v1)).toMatchObject({
      error: { code: 'event.unsupported_version' },
    });
  });

  it('an unknown type is refused', () => {
    expect(registry.parseEvent('TicketTeleported', 1, v1)).toMatchObject({ error: { code: 'event.unknown_type' } });
  });

  it('a payload that is not an object is refused', () => {
    expect(registry.parseEvent('TicketCancelled', 2, 'cancelled')).toMatchObject({ error: { code: 'event.invalid' } });
  });
});

describe('wiring registries', () => {
  it('a version without its upcaster chain fails at wiring, not years later', () => {
    expect(() => eventRegistry([TicketCancelledV2])).toThrow(/no upcaster from version 1/);
  });

  it('registries compose, and a type registered twice is a wiring error', () => {
    const cancellations = eventRegistry([TicketCancelled]);
    const others = eventRegistry(ticketEventSchemas.filter((schema) => schema !== TicketCancelled));
    expect(composeRegistries(cancellations, others).registrations.size).toBe(ticketEventSchemas.length);
    expect(() => composeRegistries(cancellations, eventRegistry([TicketCancelled]))).toThrow(/registered twice/);
  });
});

describe('stored events, parsed once per process', () => {
  const stored = () => ({ type: 'TicketCancelled', schemaVersion: 1, data: v1 });

  it('reads a stored event as parseEvent reads its payload, upcast included', () => {
    expect(registry.parseStored(stored())).toEqual(registry.parseEvent('TicketCancelled', 1, v1));
  });

  it('parses a data object once: every reader of it gets the same result, whatever envelope carries it', () => {
    const event = stored();
    const first = registry.parseStored(event);
    expect(registry.parseStored(event)).toBe(first);
    // The same data in another envelope (another group's copy of a bus message): the same result.
    expect(registry.parseStored({ ...event })).toBe(first);
    // Equal data in another object: parsed again, to an equal result.
    const again = registry.parseStored({ ...event, data: { ...v1 } });
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('leaves the data as its readers see it: the same keys, JSON and copies', () => {
    const data = { ...v1, reason: 'gone' };
    const [keys, json] = [Object.keys(data), JSON.stringify(data)];
    registry.parseStored({ type: 'TicketCancelled', schemaVersion: 1, data });
    expect(Object.keys(data)).toEqual(keys);
    expect(JSON.stringify(data)).toBe(json);
    expect({ ...data }).toStrictEqual({ ...v1, reason: 'gone' });
  });

  it('parses a frozen data object every time, to equal results', () => {
    const data = Object.freeze({ ...v1 });
    const first = registry.parseStored({ type: 'TicketCancelled', schemaVersion: 1, data });
    const second = registry.parseStored({ type: 'TicketCancelled', schemaVersion: 1, data });
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  });

  it('reads a placed stored event for a reader that cannot go on past it, or names where it failed', () => {
    const placed = { ...stored(), stream: 'ticket-7', revision: 3n };
    expect(readStored(registry, placed)).toBe((registry.parseStored(placed) as { value: unknown }).value);
    expect(() => readStored(registry, { ...placed, data: { ...v1, at: 'yesterday' } })).toThrow(/^ticket-7@3: /);
  });

  it('parses the same data again under another version or another type', () => {
    const data = { ...v1 };
    const asV1 = registry.parseStored({ type: 'TicketCancelled', schemaVersion: 1, data });
    const asV2 = registry.parseStored({ type: 'TicketCancelled', schemaVersion: 2, data });
    expect(asV1).toMatchObject({ ok: true, value: { reason: { code: 'unspecified' } } });
    expect(asV2).toMatchObject({ ok: false, error: { code: 'event.invalid' } });
    expect(registry.parseStored({ type: 'TicketReceived', schemaVersion: 1, data })).toMatchObject({ ok: false });
    expect(registry.parseStored({ type: 'TicketCancelled', schemaVersion: 1, data })).toMatchObject({ ok: true });
  });

  it('shares the result with a registry composed of the same registrations, not with another registration', () => {
    const cancellations = eventRegistry([TicketCancelled]);
    const composed = composeRegistries(cancellations, eventRegistry([]));
    const event = { type: 'TicketCancelled', schemaVersion: 1, data: { ...v1, reason: 'gone' } };
    const first = cancellations.parseStored(event);
    expect(composed.parseStored(event)).toBe(first);
    // The evolved registry reads TicketCancelled v1 through its upcaster: its own result, not the other's.
    const evolved = registry.parseStored(event);
    expect(evolved).toMatchObject({ ok: true, value: { schemaVersion: 2, reason: { code: 'unspecified' } } });
    expect(first).toMatchObject({ ok: true, value: { schemaVersion: 1, reason: 'gone' } });
  });

  it('refuses an unknown type, and keeps the refusal of an invalid event as parseEvent words it', () => {
    expect(registry.parseStored({ type: 'TicketTeleported', schemaVersion: 1, data: {} })).toMatchObject({
      ok: false,
      error: { code: 'event.unknown_type' },
    });
    const invalid = { type: 'TicketCancelled', schemaVersion: 1, data: { ...v1, at: 'yesterday' } };
    expect(registry.parseStored(invalid)).toEqual(registry.parseEvent('TicketCancelled', 1, invalid.data));
    expect(registry.parseStored(invalid)).toBe(registry.parseStored(invalid));
  });
});
