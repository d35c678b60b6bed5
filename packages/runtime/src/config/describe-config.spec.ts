import { expect, it } from 'vitest';
import { z } from 'zod';
import { describeConfig } from './describe-config.ts';
import { env } from './env-values.ts';

it('lists each variable with its default and description for the operations table', () => {
  const schema = z.object({
    PORT: env.port().default(3000).describe('HTTP port'),
    KAFKA_BROKERS: env.hostPorts().default(['localhost:9092']).describe('Kafka bootstrap brokers'),
    REDIS_URL: env.url().optional().describe('Redis for read models; in memory when unset'),
    API_TOKEN: env.string().meta({ secret: true }).default('dev-token').describe('Shared token'),
    TENANT: env.string(),
  });
  expect(describeConfig(schema)).toEqual([
    { name: 'PORT', required: false, default: '3000', description: 'HTTP port', secret: false },
    {
      name: 'KAFKA_BROKERS',
      required: false,
      default: 'localhost:9092',
      description: 'Kafka bootstrap brokers',
      secret: false,
    },
    { name: 'REDIS_URL', required: false, description: 'Redis for read models; in memory when unset', secret: false },
    { name: 'API_TOKEN', required: false, default: '(secret)', description: 'Shared token', secret: true },
    { name: 'TENANT', required: true, secret: false },
  ]);
});
