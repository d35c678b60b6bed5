import { inboundMessageSchema } from '@hotline/messaging';
import fc from 'fast-check';
import { z } from 'zod';
import { hostileStrings, nested } from './hostile-values.ts';
import { invalidArbitrary } from './invalid-values.ts';
import type { FieldHints, JsonSchema } from './json-schema.ts';
import { validArbitrary } from './valid-values.ts';

/** The inbound topic's payload as its AsyncAPI document gives it: what a producer must send. */
const inboundSchema = z.toJSONSchema(inboundMessageSchema, {
  target: 'draft-7',
  io: 'input',
  unrepresentable: 'any',
}) as JsonSchema;

const kinds = inboundSchema.oneOf ?? [];

/** What an upstream system might publish: any payload, valid or not, from well-formed to nonsense. */
export function inboundPayloads(hints: FieldHints): fc.Arbitrary<unknown> {
  const ofOneKind = fc
    .constantFrom(...kinds)
    .chain((kind) =>
      fc.oneof(
        { arbitrary: validArbitrary(kind, hints), weight: 3 },
        { arbitrary: invalidArbitrary(kind, hints).map((mutation) => mutation.value), weight: 3 },
      ),
    );
  const nonsense = fc.oneof(
    fc.constantFrom<unknown>('{"kind": "ticket.submitted",', null, 42, [], true, nested(500), ...hostileStrings),
    fc.jsonValue({ maxDepth: 3 }),
  );
  return fc.oneof({ arbitrary: ofOneKind, weight: 6 }, { arbitrary: nonsense, weight: 1 });
}

/** The first reason zod gives, as `path: message`: what a dead letter must name. */
export function firstIssuePath(payload: unknown): string | undefined {
  const parsed = inboundMessageSchema.safeParse(payload);
  if (parsed.success) return undefined;
  const path = parsed.error.issues[0]?.path ?? [];
  return path.length === 0 ? '(root)' : path.join('.');
}
