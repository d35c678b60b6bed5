import { hash } from 'node:crypto';

// RFC 9562 name-based UUID (version 5) under a namespace of the project's own.
const NAMESPACE = Buffer.from('6f1d2c3e9a8b4c5d8e7f60718293a4b5', 'hex');

/**
 * The id of the `index`-th event a command produced. Deriving it from the command id makes a retried
 * command append the very same events, which the store then ignores: retries are idempotent end to end.
 */
export function derivedEventId(commandId: string, index: number): string {
  return nameBasedUuid(`${commandId}#${index}`);
}

/** The same name always gives the same UUID: ids of things named by an outside reference. */
export function nameBasedUuid(name: string): string {
  // One-shot: a Hash object per id cost a third more, and ids are derived for every event written.
  const digest = hash('sha1', Buffer.concat([NAMESPACE, Buffer.from(name)]), 'buffer');
  digest[6] = (digest[6]! & 0x0f) | 0x50;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
