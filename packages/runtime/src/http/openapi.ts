import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { accessDocumentation } from '../auth/access-control.ts';
import { PROBLEM_CONTENT_TYPE, ProblemDocumentSchema } from '../problems/problem-document.ts';

export const DOCS_PREFIX = '/docs';

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
}

const zodTransform = createJsonSchemaTransform({ skipList: [] });

type TransformInput = Parameters<typeof zodTransform>[0];
type AccessDocumentation = ReturnType<typeof accessDocumentation>;

/** API keys travel in `x-api-key` (or as a bearer); dashboard tokens as bearer JWTs. */
const SECURITY_SCHEMES = {
  apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'An API key, hk_<id>_<secret>' },
  bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A dashboard token, or an API key' },
} as const;

/**
 * Every route may answer with a problem document (validation, 404, 500…): document it once as the
 * `default` response rather than in each route. The route's own schema is copied, never changed:
 * Fastify serializes responses with it.
 */
function withProblemResponse(input: TransformInput, access: AccessDocumentation) {
  if ((input.schema as { hide?: boolean } | undefined)?.hide) return zodTransform(input);
  const schema = input.schema ?? {};
  // Who may call the operation (`x-access`), so a test can walk the document route by route.
  const documented = access.accessOf(input.url, input.route.config?.access);
  const security = access.enabled && documented !== 'public' ? { security: [{ apiKey: [] }, { bearer: [] }] } : {};
  const response = (schema.response ?? {}) as Record<string, unknown>;
  const responses =
    'default' in response
      ? response
      : {
          ...response,
          default: {
            description: 'Problem document (RFC 9457)',
            content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemDocumentSchema } },
          },
        };
  // `x-` keys are not in Fastify's schema type; @fastify/swagger copies them to the operation.
  const extended = Object.assign({}, schema, security, { 'x-access': documented, response: responses });
  return zodTransform({ ...input, schema: extended });
}

/**
 * OpenAPI 3.1 generated from the routes' zod schemas, served at `/docs` (UI) and `/docs/json`.
 * Awaited so that swagger's route collector is in place before the service adds any route: a
 * route added earlier would silently be missing from the document.
 */
export async function registerOpenApi(
  app: FastifyInstance,
  { title, version, description }: OpenApiInfo,
  access: AccessDocumentation,
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title, version, ...(description !== undefined && { description }) },
      ...(access.enabled ? { components: { securitySchemes: SECURITY_SCHEMES } } : {}),
    },
    transform: (input) => withProblemResponse(input, access),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });
}
