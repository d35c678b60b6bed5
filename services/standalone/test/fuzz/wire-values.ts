import fc from 'fast-check';
import { hostileStrings } from './hostile-values.ts';
import { type FieldHints, type JsonSchema, typesOf } from './json-schema.ts';
import { validArbitrary } from './valid-values.ts';

/**
 * Path and query parameters travel as text: a number is its digits, and the routes' zod schemas
 * coerce (`z.coerce.number()`), so a text is valid when `Number(text)` is.
 */
export function acceptsText(schema: JsonSchema, text: string): boolean {
  if (schema.enum !== undefined) return schema.enum.includes(text);
  const types = typesOf(schema);
  if (types.includes('integer') || types.includes('number')) {
    const value = Number(text);
    if (!Number.isFinite(value) || (!types.includes('number') && !Number.isSafeInteger(value))) return false;
    return (
      value >= (schema.minimum ?? Number.NEGATIVE_INFINITY) &&
      value <= (schema.maximum ?? Number.POSITIVE_INFINITY) &&
      value > (schema.exclusiveMinimum ?? Number.NEGATIVE_INFINITY) &&
      value < (schema.exclusiveMaximum ?? Number.POSITIVE_INFINITY)
    );
  }
  return (
    text.length >= (schema.minLength ?? 0) &&
    text.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY) &&
    (schema.pattern === undefined || new RegExp(schema.pattern).test(text))
  );
}

export const validText = (schema: JsonSchema, hints: FieldHints, name: string): fc.Arbitrary<string> =>
  validArbitrary(schema, hints, name).map(String);

export interface WireFlaw {
  readonly text: string;
  /** The text cannot pass the schema: validation must refuse it. */
  readonly definite: boolean;
  readonly how: string;
}

const oddTexts = [
  'abc',
  '2.5',
  '1e3',
  '0x10',
  '-1',
  '99999999999999999999',
  'NaN',
  'Infinity',
  '',
  'zzz-not-one-of-them',
  'not-a-date',
  '2026-02-30T10:00:00Z',
  'true',
  ...hostileStrings,
];

/** Texts a parameter of this schema may well refuse, each saying whether it must. */
export function flawedText(schema: JsonSchema): fc.Arbitrary<WireFlaw> {
  return fc
    .oneof(
      fc.constantFrom(...oddTexts),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.nat({ max: 30_000 }).map((length) => 'y'.repeat(length)),
    )
    .map((text) => {
      const definite = !acceptsText(schema, text);
      return { text, definite, how: definite ? 'refused text' : 'odd but acceptable text' };
    });
}
