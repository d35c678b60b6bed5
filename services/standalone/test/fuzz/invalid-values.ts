import fc from 'fast-check';
import { hostileNumbers, hostileStrings, nested } from './hostile-values.ts';
import { type FieldHints, type FieldPath, type JsonSchema, jsonTypeOf, noHints, typesOf } from './json-schema.ts';
import { validArbitrary, validObject } from './valid-values.ts';

/**
 * An input the schema refuses, or may refuse: `definite` when it cannot be valid (a wrong type, a
 * missing required field), so validation must answer 400 naming `path` or one of its parents.
 */
export interface Mutation {
  readonly value: unknown;
  readonly path: FieldPath;
  readonly definite: boolean;
  readonly how: string;
}

function admitsType(types: readonly string[], value: unknown): boolean {
  if (types.length === 0) return true;
  const type = jsonTypeOf(value);
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

/** One value of each JSON type, to put where another type belongs. */
const strangers: readonly unknown[] = [
  'not-the-right-type',
  'NaN',
  42,
  1.5,
  -1e308,
  true,
  null,
  [],
  ['a'],
  {},
  { nested: { deeper: [1, 'two', null] } },
  nested(200),
];

/** Inputs the schema refuses (or may refuse), each saying where it is wrong. */
export function invalidArbitrary(schema: JsonSchema, hints: FieldHints = noHints, name = ''): fc.Arbitrary<Mutation> {
  const types = typesOf(schema);
  const options: fc.Arbitrary<Mutation>[] = [];
  const wrongTypes = strangers.filter((value) => !admitsType(types, value));
  if (wrongTypes.length > 0) {
    options.push(
      fc.constantFrom(...wrongTypes).map((value) => ({ value, path: [], definite: true, how: 'wrong type' })),
    );
  }
  if (schema.enum !== undefined || schema.const !== undefined) {
    const allowed = schema.enum ?? [schema.const];
    options.push(
      fc
        .constantFrom('zzz-not-one-of-them', 'P0', 'Production', '')
        .filter((value) => !allowed.includes(value))
        .map((value) => ({ value, path: [], definite: true, how: 'not among the allowed values' })),
    );
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches === undefined && schema.enum === undefined && schema.const === undefined) {
    if (types.includes('string')) options.push(invalidString(schema));
    if (types.includes('integer') || types.includes('number')) options.push(invalidNumber(schema, types));
    if (types.includes('array')) options.push(invalidArray(schema, hints, name));
    if (types.includes('object')) options.push(invalidObject(schema, hints));
  }
  // Hostile values of the right type may well be valid: they test the handlers, not validation.
  if (types.includes('string') && schema.enum === undefined && schema.const === undefined) {
    options.push(
      fc.constantFrom(...hostileStrings).map((value) => ({ value, path: [], definite: false, how: 'hostile string' })),
    );
  }
  if (options.length === 0) {
    return fc.constantFrom(...strangers).map((value) => ({ value, path: [], definite: false, how: 'anything' }));
  }
  return fc.oneof(...options);
}

function invalidString(schema: JsonSchema): fc.Arbitrary<Mutation> {
  const candidates: { value: string; how: string }[] = [];
  if ((schema.minLength ?? 0) > 0) candidates.push({ value: '', how: 'empty' });
  if (schema.maxLength !== undefined) candidates.push({ value: 'x'.repeat(schema.maxLength + 1), how: 'too long' });
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern);
    for (const value of ['not-a-date', '2026-13-45T99:99:99Z', '2026-02-30', '1e309', 'eur', '24:01', '\u0000']) {
      if (!pattern.test(value)) candidates.push({ value, how: `does not match ${schema.pattern.slice(0, 40)}` });
    }
  }
  if (schema.format === 'uri') candidates.push({ value: 'not a uri', how: 'not a URI' });
  if (candidates.length === 0) {
    return fc.constantFrom(...hostileStrings).map((value) => ({ value, path: [], definite: false, how: 'hostile' }));
  }
  return fc.constantFrom(...candidates).map(({ value, how }) => ({ value, path: [], definite: true, how }));
}

function invalidNumber(schema: JsonSchema, types: readonly string[]): fc.Arbitrary<Mutation> {
  const candidates: { value: number; how: string }[] = [];
  const integerOnly = !types.includes('number');
  if (integerOnly) candidates.push({ value: 2.5, how: 'not an integer' });
  if (integerOnly) candidates.push({ value: 2 ** 53 + 2, how: 'beyond the safe integers' });
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf } = schema;
  if (minimum !== undefined && minimum > Number.MIN_SAFE_INTEGER) candidates.push({ value: minimum - 1, how: 'below' });
  if (maximum !== undefined && maximum < Number.MAX_SAFE_INTEGER) candidates.push({ value: maximum + 1, how: 'above' });
  if (exclusiveMinimum !== undefined) candidates.push({ value: exclusiveMinimum, how: 'at the exclusive minimum' });
  if (exclusiveMaximum !== undefined) candidates.push({ value: exclusiveMaximum, how: 'at the exclusive maximum' });
  if (multipleOf !== undefined) candidates.push({ value: multipleOf / 2 + (minimum ?? 0), how: 'not a multiple' });
  const huge = hostileNumbers.map((value) => ({ value, definite: false, how: 'extreme number' }));
  return fc
    .constantFrom(...candidates.map((each) => ({ ...each, definite: true })), ...huge)
    .map(({ value, definite, how }) => ({ value, path: [], definite, how }));
}

function invalidArray(schema: JsonSchema, hints: FieldHints, name: string): fc.Arbitrary<Mutation> {
  const options: fc.Arbitrary<Mutation>[] = [
    invalidArbitrary(schema.items ?? {}, hints, name).chain((item) =>
      fc.array(validArbitrary(schema.items ?? {}, hints, name), { maxLength: 2 }).map((others) => ({
        value: [item.value, ...others],
        path: [0, ...item.path],
        definite: item.definite,
        how: item.how,
      })),
    ),
  ];
  if ((schema.minItems ?? 0) > 0) {
    options.push(fc.constant({ value: [], path: [], definite: true, how: `fewer than ${schema.minItems} items` }));
  }
  return fc.oneof(...options);
}

function invalidObject(schema: JsonSchema, hints: FieldHints): fc.Arbitrary<Mutation> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  const required = (schema.required ?? []).filter((key) => key in properties);
  const whole = validObject(schema, hints);
  const options: fc.Arbitrary<Mutation>[] = [];
  if (required.length > 0) {
    options.push(
      fc.tuple(whole, fc.constantFrom(...required)).map(([value, key]) => {
        const { [key]: _dropped, ...rest } = value;
        return { value: rest, path: [key], definite: true, how: `missing ${key}` };
      }),
    );
  }
  if (keys.length > 0) {
    options.push(
      fc
        .constantFrom(...keys)
        .chain((key) => fc.tuple(fc.constant(key), whole, invalidArbitrary(properties[key] ?? {}, hints, key)))
        .map(([key, value, inner]) => ({
          value: { ...value, [key]: inner.value },
          path: [key, ...inner.path],
          definite: inner.definite,
          how: inner.how,
        })),
    );
  }
  options.push(
    whole.map((value) => ({
      value: { ...value, unexpectedField: 'surplus' },
      path: [],
      // zod strips unknown keys, unless the object is strict.
      definite: schema.additionalProperties === false,
      how: 'an extra field',
    })),
    whole.map((value) => ({
      value: { ...value, ['__proto__']: { polluted: true }, constructor: { prototype: { polluted: true } } },
      path: [],
      definite: false,
      how: 'prototype pollution',
    })),
  );
  return fc.oneof(...options);
}
