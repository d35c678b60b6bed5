import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { env } from './env-values.ts';

function accepts(schema: z.ZodType, text: string) {
  return schema.parse(text);
}

function reasonFor(schema: z.ZodType, text: string) {
  return schema.safeParse(text).error?.issues[0]?.message;
}

describe('environment values', () => {
  it('port', () => {
    expect(accepts(env.port(), '8080')).toBe(8080);
    expect(accepts(env.port(), '0')).toBe(0);
    expect(reasonFor(env.port(), '80a')).toBe('expected a TCP port (0-65535)');
    expect(reasonFor(env.port(), '65536')).toBe('expected a TCP port (0-65535)');
  });

  it('int with bounds', () => {
    expect(accepts(env.int({ min: 1 }), '12')).toBe(12);
    expect(reasonFor(env.int({ min: 1, max: 10 }), '0')).toBe('expected an integer between 1 and 10');
    expect(reasonFor(env.int(), '1.5')).toBe('expected an integer');
  });

  it('url, optionally restricted to protocols', () => {
    expect(accepts(env.url(), 'redis://cache:6379')).toBe('redis://cache:6379');
    expect(reasonFor(env.url(), 'localhost:6379')).toBe('expected a URL');
    expect(reasonFor(env.url({ protocols: ['http', 'https'] }), 'ftp://x')).toBe('expected a URL (http: or https:)');
  });

  it('lists', () => {
    expect(accepts(env.list(), ' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(reasonFor(env.list(), ' , ')).toBe('expected a comma-separated list');
    expect(accepts(env.hostPorts(), 'localhost:9092,[::1]:9093')).toEqual(['localhost:9092', '[::1]:9093']);
    expect(reasonFor(env.hostPorts(), 'localhost:99999')).toBe('expected a comma-separated list of host:port');
  });

  it('boolean', () => {
    expect(accepts(env.boolean(), 'TRUE')).toBe(true);
    expect(accepts(env.boolean(), 'off')).toBe(false);
    expect(reasonFor(env.boolean(), 'maybe')).toBe('expected true or false');
  });

  it('durations in milliseconds', () => {
    expect(accepts(env.durationMs(), '250')).toBe(250);
    expect(accepts(env.durationMs(), '1.5s')).toBe(1500);
    expect(accepts(env.durationMs(), '5m')).toBe(300_000);
    expect(accepts(env.durationMs(), '1h')).toBe(3_600_000);
    expect(reasonFor(env.durationMs(), 'soon')).toBe('expected a duration such as 500ms, 30s, 5m or 1h');
  });

  it('enum', () => {
    expect(accepts(env.enum(['otlp', 'none']), 'otlp')).toBe('otlp');
    expect(reasonFor(env.enum(['otlp', 'none']), 'jaeger')).toBe('expected one of otlp, none');
  });
});
