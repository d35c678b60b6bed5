import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { PROBLEM_CONTENT_TYPE, ProblemDocumentSchema } from '../problems/problem-document.ts';

export const DOCS_PREFIX = '/docs';

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
}

const zodTransform = createJsonSchemaTransform({ skipList: [] });

type TransformInput = Parameters<typeof zodTransform>[0];

/**
 * Every route may answer with a problem document (validation, 404, 500…): document it once as the
 * `default` response rather than in each route. The route's own schema is copied, never changed:
 * Fastify serializes responses with it.
 */
function withProblemResponse(input: TransformInput) {
  const { schema } = input;
  if (!schema || (schema as { hide?: boolean }).hide) return zodTransform(input);
  const response = (schema.response ?? {}) as Record<string, unknown>;
  const documented =
    'default' in response
      ? response
      : {
          ...response,
          default: {
            description: 'Problem document (RFC 9457)',
            content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemDocumentSchema } },
          },
        };
  return zodTransform({ ...input, schema: { ...schema, response: documented } });
}

/**
 * OpenAPI 3.1 generated from the routes' zod schemas, served at `/docs` (UI) and `/docs/json`.
 * Awaited so that swagger's route collector is in place before the service adds any route: a
 * route added earlier would silently be missing from the document.
 */
export async function registerOpenApi(
  app: FastifyInstance,
  { title, version, description }: OpenApiInfo,
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title, version, ...(description !== undefined && { description }) },
    },
    transform: withProblemResponse,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });
}
