import { Writable } from 'node:stream';
import { createLogger, describeConfig } from '@hotline/runtime';
import { expect, it } from 'vitest';
import { processConfigSchema } from './run-process.ts';

it('marks secret the settings that carry credentials, and the logs hide each under its own name', () => {
  const secrets = describeConfig(processConfigSchema)
    .filter(({ secret }) => secret)
    .map(({ name }) => name);
  expect(secrets.sort()).toEqual([
    'ESDB_CONNECTION_STRING',
    'JWT_SECRET',
    'KAFKA_SASL_PASSWORD',
    'KAFKA_SSL_KEY_PASSWORD',
  ]);
  let output = '';
  const destination = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  const logger = createLogger({ service: 'test', destination });
  for (const name of secrets) logger.info({ [name]: `value-of-${name}` }, 'a setting');
  for (const name of secrets) {
    expect(output).toContain(name);
    expect(output).not.toContain(`value-of-${name}`);
  }
});
