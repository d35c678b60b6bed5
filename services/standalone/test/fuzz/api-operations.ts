import type { JsonSchema } from './json-schema.ts';

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  readonly schema: JsonSchema;
}

/** One operation of the served OpenAPI document, as much as a fuzzer needs of it. */
export interface ApiOperation {
  readonly method: string;
  /** `/tickets/{ticketId}/take-charge` */
  readonly path: string;
  readonly parameters: readonly Parameter[];
  /** The JSON body's schema; undefined for operations that take none. */
  readonly body?: JsonSchema;
  readonly bodyRequired: boolean;
  /** Who may call it (`x-access`): the roles, or public. */
  readonly roles: readonly string[] | 'public';
}

interface OpenApiOperation {
  readonly 'x-access'?: 'public' | { readonly roles: readonly string[] };
  readonly parameters?: readonly { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  readonly requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document: a route added to any service is fuzzed without a word here. */
export function operationsOf(document: OpenApiDocument): ApiOperation[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => {
        const body = operation.requestBody?.content?.['application/json']?.schema;
        return {
          method: method.toUpperCase(),
          path,
          parameters: (operation.parameters ?? [])
            .filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
            .map((parameter) => ({
              name: parameter.name,
              in: parameter.in as Parameter['in'],
              required: parameter.required ?? parameter.in === 'path',
              schema: parameter.schema ?? {},
            })),
          ...(body === undefined ? {} : { body }),
          bodyRequired: operation.requestBody?.required ?? false,
          roles: operation['x-access'] === 'public' ? 'public' : (operation['x-access']?.roles ?? ['manager']),
        };
      }),
  );
}

export const operationName = (operation: ApiOperation) => `${operation.method} ${operation.path}`;
