import { readFileSync } from 'node:fs';
import { ConfigError, type ConfigProblem, env } from '@hotline/runtime';
import type { KafkaConfig, SASLOptions } from 'kafkajs';
import { z } from 'zod';

export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

/**
 * How a process reaches a secured Kafka: TLS (the brokers' CA, and a client certificate where the
 * brokers authenticate clients by TLS) and SASL (PLAIN or SCRAM, over TLS). Unset, the processes
 * speak plaintext, as to the compose file's development broker.
 */
export const kafkaSecurityConfigShape = {
  KAFKA_SSL: env
    .boolean()
    .default(false)
    .describe('Reach the brokers over TLS (on by itself when a CA or client certificate file is set)'),
  KAFKA_SSL_CA_FILE: env
    .string()
    .optional()
    .describe("PEM file of the CA that signed the brokers' certificates (the system's CAs otherwise)"),
  KAFKA_SSL_CERT_FILE: env
    .string()
    .optional()
    .describe('PEM client certificate, for brokers that authenticate clients by TLS (with KAFKA_SSL_KEY_FILE)'),
  KAFKA_SSL_KEY_FILE: env.string().optional().describe('PEM private key of the client certificate'),
  KAFKA_SSL_KEY_PASSWORD: env
    .string()
    .meta({ secret: true })
    .optional()
    .describe('Passphrase of KAFKA_SSL_KEY_FILE, when it is encrypted'),
  KAFKA_SASL_MECHANISM: env
    .enum(SASL_MECHANISMS)
    .optional()
    .describe('SASL authentication (with KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD); none when unset'),
  KAFKA_SASL_USERNAME: env.string().optional().describe('SASL user name (KAFKA_SASL_MECHANISM)'),
  KAFKA_SASL_PASSWORD: env.string().meta({ secret: true }).optional().describe('SASL password (KAFKA_SASL_MECHANISM)'),
};

const kafkaSecurityConfigSchema = z.object(kafkaSecurityConfigShape);
export type KafkaSecurityConfig = z.output<typeof kafkaSecurityConfigSchema>;

/** The kafkajs client options the settings ask for. */
export type KafkaSecurityOptions = Pick<KafkaConfig, 'ssl' | 'sasl'>;

/**
 * kafkajs's `ssl` and `sasl` from the settings, files read now: a missing file or a half-given
 * pair stops the process at start with one line (`ConfigError`) naming the variable, never a value.
 */
export function kafkaSecurityFromConfig(
  config: KafkaSecurityConfig,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): KafkaSecurityOptions {
  const problems: ConfigProblem[] = [];
  const read = (variable: keyof KafkaSecurityConfig, path: string | undefined): string | undefined => {
    if (path === undefined) return undefined;
    try {
      return readFile(path);
    } catch (error) {
      problems.push({ variable, reason: `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return undefined;
    }
  };
  const ca = read('KAFKA_SSL_CA_FILE', config.KAFKA_SSL_CA_FILE);
  const cert = read('KAFKA_SSL_CERT_FILE', config.KAFKA_SSL_CERT_FILE);
  const key = read('KAFKA_SSL_KEY_FILE', config.KAFKA_SSL_KEY_FILE);
  if ((config.KAFKA_SSL_CERT_FILE === undefined) !== (config.KAFKA_SSL_KEY_FILE === undefined)) {
    const missing = config.KAFKA_SSL_CERT_FILE === undefined ? 'KAFKA_SSL_CERT_FILE' : 'KAFKA_SSL_KEY_FILE';
    problems.push({ variable: missing, reason: 'required with the other half of the client certificate' });
  }
  if (config.KAFKA_SSL_KEY_PASSWORD !== undefined && config.KAFKA_SSL_KEY_FILE === undefined) {
    problems.push({ variable: 'KAFKA_SSL_KEY_FILE', reason: 'required with KAFKA_SSL_KEY_PASSWORD' });
  }
  const sasl = saslOptions(config, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const files = { ...(ca === undefined ? {} : { ca: [ca] }), ...(cert === undefined ? {} : { cert }) };
  const tlsOptions = {
    ...files,
    ...(key === undefined ? {} : { key }),
    ...(config.KAFKA_SSL_KEY_PASSWORD === undefined ? {} : { passphrase: config.KAFKA_SSL_KEY_PASSWORD }),
  };
  const ssl = Object.keys(tlsOptions).length > 0 ? tlsOptions : config.KAFKA_SSL ? true : undefined;
  return { ...(ssl === undefined ? {} : { ssl }), ...(sasl === undefined ? {} : { sasl }) };
}

function saslOptions(config: KafkaSecurityConfig, problems: ConfigProblem[]): SASLOptions | undefined {
  const mechanism = config.KAFKA_SASL_MECHANISM;
  if (mechanism === undefined) {
    const given = (['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const).filter(
      (name) => config[name] !== undefined,
    );
    if (given.length > 0)
      problems.push({ variable: 'KAFKA_SASL_MECHANISM', reason: `required with ${given.join(', ')}` });
    return undefined;
  }
  const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  if (username === undefined) problems.push({ variable: 'KAFKA_SASL_USERNAME', reason: `required with ${mechanism}` });
  if (password === undefined) problems.push({ variable: 'KAFKA_SASL_PASSWORD', reason: `required with ${mechanism}` });
  if (username === undefined || password === undefined) return undefined;
  return { mechanism, username, password };
}
