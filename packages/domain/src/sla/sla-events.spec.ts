import { describe, expect, it } from 'vitest';
import { slaEventRegistry } from '../schema/domain-event-registry.ts';
import { slaEvent } from './sla-events.ts';

const breach = slaEvent('SlaBreached', {
  ticketId: 'WE-4',
  contractId: 'ACME-M',
  target: 'takeCharge',
  nature: 'malfunction',
  priority: 'P1',
  dueAt: '2026-09-14T08:00:00.000Z',
  by: 'sla-clock',
  at: '2026-09-14T09:00:00.000Z',
});

describe('SLA events as stored', () => {
  it('read back as written', () => {
    const { type, schemaVersion, ...payload } = breach;
    expect(slaEventRegistry.parseEvent(type, schemaVersion, payload)).toEqual({ ok: true, value: breach });
  });

  it('refuse a warning threshold that is not a share strictly between 0 and 1', () => {
    const { type: _type, schemaVersion: _version, ...payload } = breach;
    const result = slaEventRegistry.parseEvent('SlaWarningRaised', 1, { ...payload, threshold: 1 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'event.invalid', details: { issues: [{ path: ['threshold'] }] } },
    });
  });

  it.each(['SlaWarningRaised', 'SlaBreached'])('%s refuses a malformed instant, naming the field', (type) => {
    const result = slaEventRegistry.parseEvent(type, 1, { ...breach, threshold: 0.75, dueAt: 'yesterday' });
    expect(result).toMatchObject({ ok: false, error: { details: { issues: [{ path: ['dueAt'] }] } } });
  });
});
