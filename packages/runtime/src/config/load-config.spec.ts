import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { env } from './env-values.ts';
import { ConfigError, exitOnConfigError, loadConfig, loadConfigOrExit } from './load-config.ts';
import { runtimeConfigShape } from './runtime-config.ts';

const schema = z.object({
  ...runtimeConfigShape,
  KAFKA_BROKERS: env.hostPorts(),
  DB_PASSWORD: env.string().meta({ secret: true }),
});

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('types the values and applies the defaults', () => {
    const config = loadConfig(schema, {
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
      DB_PASSWORD: 's3cret',
      SHUTDOWN_TIMEOUT: '10s',
      OTHER: 'ignored',
    });
    expect(config).toMatchObject({
      PORT: 3000,
      LOG_LEVEL: 'info',
      KAFKA_BROKERS: ['kafka-1:9092', 'kafka-2:9092'],
      SHUTDOWN_TIMEOUT: 10_000,
      OTEL_TRACES_EXPORTER: 'none',
    });
    expect(config).not.toHaveProperty('OTHER');
  });

  it('refuses a bad variable with one line naming it and what was expected', () => {
    const error = errorOf(() => loadConfig(schema, { KAFKA_BROKERS: 'kafka-1', DB_PASSWORD: 'x' }));
    expect(error.message).toBe('Invalid configuration: KAFKA_BROKERS: expected a comma-separated list of host:port');
    expect(error.message).not.toContain('\n');
  });

  it('names every bad or missing variable in the same line, without echoing values', () => {
    const error = errorOf(() => loadConfig(schema, { PORT: '70000', LOG_LEVEL: 'loud', DB_PASSWORD: '  ' }));
    expect(error.problems).toEqual([
      { variable: 'PORT', reason: 'expected a TCP port (0-65535)' },
      { variable: 'LOG_LEVEL', reason: 'expected one of fatal, error, warn, info, debug, trace, silent' },
      { variable: 'KAFKA_BROKERS', reason: 'required' },
      { variable: 'DB_PASSWORD', reason: 'required' },
    ]);
    expect(error.message).toBe(
      'Invalid configuration: PORT: expected a TCP port (0-65535); LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent; KAFKA_BROKERS: required; DB_PASSWORD: required',
    );
    expect(error.message).not.toContain('70000');
  });
});

describe('exitOnConfigError', () => {
  it('prints the line and exits with 1', () => {
    const written: string[] = [];
    const exit = (code: number): never => {
      throw new Error(`exit ${code}`);
    };
    expect(() => loadConfigOrExit(schema, { DB_PASSWORD: 'x' }, { write: (line) => written.push(line), exit })).toThrow(
      'exit 1',
    );
    expect(written).toEqual(['Invalid configuration: KAFKA_BROKERS: required\n']);
  });

  it('rethrows anything that is not a configuration error', () => {
    const boom = new Error('boom');
    expect(() => exitOnConfigError(boom)).toThrow(boom);
  });
});
