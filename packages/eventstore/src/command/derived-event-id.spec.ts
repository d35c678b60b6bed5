import { describe, expect, it } from 'vitest';
import { derivedEventId, nameBasedUuid } from './derived-event-id.ts';

describe('ids derived from names', () => {
  // Pinned: a ticket's id comes from its source's reference, and a command retried after an upgrade
  // must append the very same event ids, so these values may never change.
  it('gives the same version 5 UUIDs from release to release', () => {
    expect(nameBasedUuid('erp/ERP-1')).toBe('b201fa7e-7cd5-55d1-8d8c-ea2a0bbd6f0f');
    expect(nameBasedUuid('é€ unicode')).toBe('8c3c78c5-a590-5e2e-b216-cea964d7e538');
    expect(derivedEventId('c1', 2)).toBe('8403e4a7-ec8b-5bd1-9905-78f0b580fe66');
  });
});
