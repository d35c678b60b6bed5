import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalidArbitrary } from './invalid-values.ts';
import type { JsonSchema } from './json-schema.ts';
import { validArbitrary } from './valid-values.ts';

// The shapes the product's schemas use, through zod's own JSON Schema: the generators must agree with zod.
const Claim = z.strictObject({
  ticketId: z.string().min(1),
  priority: z.enum(['P1', 'P2', 'P3']),
  amountCents: z.number().int().min(0),
  percentPerDay: z.number().min(0).max(100).multipleOf(0.0001),
  threshold: z.number().gt(0).lt(1),
  on: z.iso.date(),
  at: z.iso.datetime({ offset: true }),
  endsOn: z.iso.date().nullable().default(null),
  currency: z.string().regex(/^[A-Z]{3}$/),
  products: z.array(z.string().min(1)).min(1),
  rates: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('fixed'), amount: z.number().int().min(0) }),
      z.object({ kind: z.literal('percent'), percent: z.number().min(0).max(100) }),
    ]),
  ),
  note: z.string().optional(),
});

const schema = z.toJSONSchema(Claim, { target: 'draft-7', io: 'input' }) as JsonSchema;

describe('values from JSON Schema', () => {
  it('generates values that zod accepts', () => {
    fc.assert(
      fc.property(validArbitrary(schema), (value) => {
        const parsed = Claim.safeParse(value);
        expect(parsed.error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('generates definite flaws that zod refuses at the path they name, or at a parent of it', () => {
    fc.assert(
      fc.property(
        invalidArbitrary(schema).filter((mutation) => mutation.definite),
        (mutation) => {
          const parsed = Claim.safeParse(mutation.value);
          expect(parsed.success, `${mutation.how} at ${mutation.path.join('.')}`).toBe(false);
          const flawed = mutation.path.join('.');
          const named = (parsed.error?.issues ?? []).map((issue) => issue.path.join('.'));
          expect(named.some((path) => path === '' || flawed === path || flawed.startsWith(`${path}.`))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
