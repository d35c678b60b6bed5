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

/** Names up to this many UTF-16 units are hashed from one buffer kept for the purpose (3 UTF-8 bytes a unit at most). */
const SHORT_NAME = 1_024;
const scratch = Buffer.alloc(NAMESPACE.length + SHORT_NAME * 3);
NAMESPACE.copy(scratch);
const HEX = '0123456789abcdef';

/** The same name always gives the same UUID: ids of things named by an outside reference. */
export function nameBasedUuid(name: string): string {
  // One-shot, from a buffer kept with the namespace in front, to hex: a Hash object per id cost a
  // third more, and a buffer of its own per name (and the digest as a buffer) twice as much.
  const input =
    name.length <= SHORT_NAME
      ? scratch.subarray(0, NAMESPACE.length + scratch.write(name, NAMESPACE.length))
      : Buffer.concat([NAMESPACE, Buffer.from(name)]);
  const hex = hash('sha1', input, 'hex');
  // Version 5 in the high nibble of byte 6; the variant's two bits (10) at the top of byte 8.
  const variant = HEX[(Number.parseInt(hex[16]!, 16) & 0x3) | 0x8];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
