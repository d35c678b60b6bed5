import { expect, it } from 'vitest';
import { z } from 'zod';
import { testServer } from '../../test/support/test-server.ts';

it('generates OpenAPI 3.1 from the routes’ zod schemas at /docs/json, with the UI at /docs', async () => {
  const { app } = await testServer();
  app.post(
    '/tickets',
    {
      schema: {
        description: 'Receive an intervention request',
        body: z.object({
          title: z.string().min(3).describe('What goes wrong'),
          priority: z.enum(['P1', 'P2', 'P3']),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (_request, reply) => reply.code(201).send({ id: 't-1' }),
  );

  const response = await app.inject({ method: 'GET', url: '/docs/json' });
  expect(response.statusCode).toBe(200);
  const document = response.json();
  expect(document).toMatchObject({
    openapi: '3.1.0',
    info: { title: 'Intake', version: '1.0.0', description: 'Tickets in' },
  });

  const operation = document.paths['/tickets'].post;
  expect(operation.description).toBe('Receive an intervention request');
  expect(operation.requestBody.content['application/json'].schema).toMatchObject({
    type: 'object',
    properties: {
      title: { type: 'string', minLength: 3, description: 'What goes wrong' },
      priority: { type: 'string', enum: ['P1', 'P2', 'P3'] },
    },
    required: ['title', 'priority'],
  });
  expect(operation.responses['201'].content['application/json'].schema).toMatchObject({
    properties: { id: { type: 'string' } },
  });
  expect(operation.responses.default.content['application/problem+json'].schema).toEqual({
    $ref: '#/components/schemas/Problem',
  });
  expect(document.components.schemas.Problem.properties).toHaveProperty('errors');
  // Operational endpoints are for the orchestrator, not API clients.
  expect(Object.keys(document.paths)).toEqual(['/tickets']);

  const ui = await app.inject({ method: 'GET', url: '/docs/' });
  expect(ui.statusCode).toBe(200);
  expect(ui.headers['content-type']).toMatch(/text\/html/);
  await app.close();
});
