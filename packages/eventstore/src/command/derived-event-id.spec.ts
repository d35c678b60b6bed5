import { createHash } from 'node:crypto';
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

  it('sets the version and variant bits over every value of the digest, for names short and long', () => {
    const names = Array.from({ length: 2_000 }, (_, i) => `name-${i}-${'€'.repeat(i % 7)}`);
    names.push('x'.repeat(1_024), '€'.repeat(1_024), '€'.repeat(1_025), 'y'.repeat(50_000));
    for (const name of names) expect(nameBasedUuid(name)).toBe(referenceUuid(name));
  });
});

/** RFC 9562, section 5.5, written out the plain way: SHA-1 of namespace then name, 16 bytes, two fields set. */
function referenceUuid(name: string): string {
  const digest = createHash('sha1')
    .update(Buffer.from('6f1d2c3e9a8b4c5d8e7f60718293a4b5', 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  digest[6] = (digest[6]! & 0x0f) | 0x50;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = digest.toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}
