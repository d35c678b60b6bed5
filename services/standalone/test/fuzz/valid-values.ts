import fc from 'fast-check';
import { hostileStrings } from './hostile-values.ts';
import { type FieldHints, type JsonSchema, noHints, typesOf } from './json-schema.ts';

const MAX_ITEMS = 3;

/** Values the schema accepts (as far as JSON Schema says: zod's trims and refinements are not in it). */
export function validArbitrary(schema: JsonSchema, hints: FieldHints = noHints, name = ''): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches !== undefined) return fc.oneof(...branches.map((branch) => validArbitrary(branch, hints, name)));
  const types = typesOf(schema);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(...types.map((type) => validOfType(type, schema, hints, name)));
}

function validOfType(type: string, schema: JsonSchema, hints: FieldHints, name: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return validString(schema, hints, name);
    case 'integer':
      return validInteger(schema);
    case 'number':
      return validNumber(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS));
      return fc.array(validArbitrary(schema.items ?? {}, hints, name), { minLength, maxLength });
    }
    case 'object':
      return validObject(schema, hints);
    default:
      throw new Error(`JSON Schema type ${type} is not generated: extend valid-values.ts`);
  }
}

export function validObject(schema: JsonSchema, hints: FieldHints): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => [key, validArbitrary(property, hints, key)]),
  );
  const requiredKeys = (schema.required ?? []).filter((key) => key in properties);
  return fc.record(model, { requiredKeys });
}

const iso = (min: string, max: string) =>
  fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((date) => date.toISOString());

function validString(schema: JsonSchema, hints: FieldHints, name: string): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const fits = (text: string) =>
    text.length >= minLength &&
    (schema.maxLength === undefined || text.length <= schema.maxLength) &&
    (minLength === 0 || text.trim().length > 0) &&
    (schema.pattern === undefined || new RegExp(schema.pattern).test(text));
  switch (schema.format) {
    case 'date-time':
      return iso('2025-01-01T00:00:00Z', '2027-12-31T23:59:59Z').filter(fits);
    case 'date':
      return iso('2025-01-01T00:00:00Z', '2027-12-31T23:59:59Z')
        .map((text) => text.slice(0, 10))
        .filter(fits);
    case 'uri':
      return fc.webUrl().filter(fits);
    case 'uuid':
      return fc.uuid({ version: 4 }).filter(fits);
  }
  if (schema.pattern !== undefined) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  const hinted = hints(name);
  const free = fc.oneof(
    fc.string({ minLength: Math.max(minLength, 1), maxLength: 40 }),
    fc.string({ unit: 'grapheme', minLength: Math.max(minLength, 1), maxLength: 20 }),
    fc.constantFrom(...hostileStrings),
  );
  return (
    hinted === undefined ? free : fc.oneof({ arbitrary: hinted, weight: 3 }, { arbitrary: free, weight: 1 })
  ).filter(fits);
}

interface Bounds {
  readonly min: number;
  readonly max: number;
}

function boundsOf(schema: JsonSchema, step: number): Bounds {
  const min = Math.max(
    schema.minimum ?? Number.MIN_SAFE_INTEGER,
    schema.exclusiveMinimum === undefined ? Number.MIN_SAFE_INTEGER : schema.exclusiveMinimum + step,
  );
  const max = Math.min(
    schema.maximum ?? Number.MAX_SAFE_INTEGER,
    schema.exclusiveMaximum === undefined ? Number.MAX_SAFE_INTEGER : schema.exclusiveMaximum - step,
  );
  return { min, max };
}

function validInteger(schema: JsonSchema): fc.Arbitrary<number> {
  const { min, max } = boundsOf(schema, 1);
  const lowest = Math.ceil(min);
  const highest = Math.floor(max);
  // Small values mostly, the bounds themselves now and then: where off-by-one bugs live.
  const small = { min: Math.max(lowest, -1000), max: Math.min(highest, 1000) };
  return fc.oneof(
    fc.bigInt(BigInt(lowest), BigInt(highest)).map(Number),
    ...(small.min <= small.max ? [fc.integer(small), fc.integer(small)] : []),
    fc.constantFrom(lowest, highest),
  );
}

function validNumber(schema: JsonSchema): fc.Arbitrary<number> {
  const step = schema.multipleOf;
  if (step !== undefined) {
    const { min, max } = boundsOf(schema, step);
    const decimals = Math.max(0, -Math.floor(Math.log10(step)));
    return fc
      .integer({ min: Math.ceil(min / step), max: Math.floor(max / step) })
      .map((multiple) => Number((multiple * step).toFixed(decimals)));
  }
  const { min, max } = boundsOf(schema, Number.EPSILON);
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}
