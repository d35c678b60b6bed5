import type fc from 'fast-check';

/**
 * The part of JSON Schema that the product's documents use (OpenAPI request schemas, the inbound
 * topic's AsyncAPI payload, both generated from zod). No library turns JSON Schema into fast-check 4
 * arbitraries for zod 4 (zod-fast-check stops at zod 3 and fast-check 3), hence this small one.
 */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
}

/** Realistic values for a named field (`ticketId`: the ids the store holds), so valid input reaches the handlers. */
export type FieldHints = (name: string) => fc.Arbitrary<string> | undefined;

export type FieldPath = readonly (string | number)[];

/** The JSON types a schema admits; empty when it admits anything. */
export function typesOf(schema: JsonSchema): readonly string[] {
  if (schema.const !== undefined) return [jsonTypeOf(schema.const)];
  if (schema.enum !== undefined) return [...new Set(schema.enum.map(jsonTypeOf))];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches !== undefined) {
    const each = branches.map(typesOf);
    return each.some((types) => types.length === 0) ? [] : [...new Set(each.flat())];
  }
  if (schema.type === undefined) return [];
  return typeof schema.type === 'string' ? [schema.type] : schema.type;
}

export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** No hint: every field gets generated values. */
export const noHints: FieldHints = () => undefined;
