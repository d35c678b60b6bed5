import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ConfigError, createLogger, describeConfig, loadConfig } from '@hotline/runtime';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { kafkaSecurityConfigShape, kafkaSecurityFromConfig } from './kafka-security.ts';

// No broker with TLS or SASL runs here: these tests stop at the kafkajs options the settings give
// (what `KafkaBus` hands to kafkajs's client as they are), not at a handshake with a broker.
const schema = z.object(kafkaSecurityConfigShape);
const directory = mkdtempSync(join(tmpdir(), 'hotline-kafka-tls-'));
const file = (name: string, text: string) => {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
};
const ca = file('ca.pem', '-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n');
const cert = file('client.pem', '-----BEGIN CERTIFICATE-----\nclient\n-----END CERTIFICATE-----\n');
const key = file('client.key', '-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n');

const options = (env: Record<string, string>) => kafkaSecurityFromConfig(loadConfig(schema, env));

function refusal(env: Record<string, string>): string {
  try {
    options(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('Kafka security settings', () => {
  it('give plaintext without SASL when unset, as to the development broker', () => {
    expect(options({})).toEqual({});
  });

  it('turn TLS on with the system CAs', () => {
    expect(options({ KAFKA_SSL: 'true' })).toEqual({ ssl: true });
  });

  it("pass the CA, the client certificate, its key and passphrase as kafkajs's tls options, read from the files", () => {
    expect(
      options({
        KAFKA_SSL_CA_FILE: ca,
        KAFKA_SSL_CERT_FILE: cert,
        KAFKA_SSL_KEY_FILE: key,
        KAFKA_SSL_KEY_PASSWORD: 'key-passphrase',
      }),
    ).toEqual({
      ssl: {
        ca: ['-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n'],
        cert: '-----BEGIN CERTIFICATE-----\nclient\n-----END CERTIFICATE-----\n',
        key: '-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n',
        passphrase: 'key-passphrase',
      },
    });
  });

  it.each(['plain', 'scram-sha-256', 'scram-sha-512'])('pass SASL %s with its user and password', (mechanism) => {
    expect(
      options({
        KAFKA_SSL_CA_FILE: ca,
        KAFKA_SASL_MECHANISM: mechanism,
        KAFKA_SASL_USERNAME: 'hotline',
        KAFKA_SASL_PASSWORD: 's3cret-pass',
      }),
    ).toEqual({
      ssl: { ca: [expect.stringContaining('BEGIN CERTIFICATE')] },
      sasl: { mechanism, username: 'hotline', password: 's3cret-pass' },
    });
  });

  it('stop the start with one line naming the variable: a half-given pair, a missing file, an unknown mechanism', () => {
    expect(refusal({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'hotline' })).toBe(
      'Invalid configuration: KAFKA_SASL_PASSWORD: required with scram-sha-512',
    );
    expect(refusal({ KAFKA_SASL_PASSWORD: 's3cret-pass' })).toBe(
      'Invalid configuration: KAFKA_SASL_MECHANISM: required with KAFKA_SASL_PASSWORD',
    );
    expect(refusal({ KAFKA_SSL_CERT_FILE: cert })).toBe(
      'Invalid configuration: KAFKA_SSL_KEY_FILE: required with the other half of the client certificate',
    );
    expect(refusal({ KAFKA_SSL_CA_FILE: join(directory, 'missing.pem') })).toMatch(
      /^Invalid configuration: KAFKA_SSL_CA_FILE: cannot read .*missing\.pem \(ENOENT\)$/,
    );
    expect(refusal({ KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toBe(
      'Invalid configuration: KAFKA_SASL_MECHANISM: expected one of plain, scram-sha-256, scram-sha-512',
    );
  });

  it('mark the passwords secret, and the logs redact them under their variable names', () => {
    const secrets = describeConfig(schema)
      .filter(({ secret }) => secret)
      .map(({ name }) => name);
    expect(secrets).toEqual(['KAFKA_SSL_KEY_PASSWORD', 'KAFKA_SASL_PASSWORD']);
    let line = '';
    const destination = new Writable({
      write(chunk, _encoding, done) {
        line += String(chunk);
        done();
      },
    });
    createLogger({ service: 'test', destination }).info(
      { KAFKA_SSL_KEY_PASSWORD: 'key-passphrase', KAFKA_SASL_PASSWORD: 's3cret-pass' },
      'settings',
    );
    expect(line).toContain('KAFKA_SASL_PASSWORD');
    expect(line).not.toContain('s3cret-pass');
    expect(line).not.toContain('key-passphrase');
  });
});
