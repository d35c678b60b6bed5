import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';

/**
 * The Compose specification's JSON schema (compose-spec/compose-spec, `schema/compose-spec.json`),
 * as shipped by the `dclint` package (MIT), pinned with it in package.json.
 */
export function composeSpecSchema(): Record<string, unknown> {
  const manifest = createRequire(import.meta.url).resolve('dclint/package.json');
  return JSON.parse(readFileSync(join(dirname(manifest), 'schemas', 'compose.schema.json'), 'utf8'));
}

/** The schema's complaints about a compose document, as `path: message` lines; none when it is valid. */
export function composeSpecErrors(document: unknown): string[] {
  // Not strict: the specification's schema uses keywords ajv does not know in strict mode (`deprecated`).
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  // It names draft-07 as `https://json-schema.org/draft-07/schema`, not the `http://…#` id ajv knows the
  // draft by; ajv's default dialect is draft-07 itself, so the name can go.
  const { $schema: _draft07, ...schema } = composeSpecSchema();
  const validate = ajv.compile(schema);
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (error: ErrorObject) => `${error.instancePath || '/'}: ${error.message ?? error.keyword}`,
  );
}
