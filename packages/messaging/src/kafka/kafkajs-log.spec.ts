import { logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../bus/logger.ts';
import { kafkajsLogCreator } from './kafkajs-log.ts';

function recorded() {
  const entries: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const logger: Logger = {
    warn: (fields, message) => entries.push({ level: 'warn', message, fields }),
    error: (fields, message) => entries.push({ level: 'error', message, fields }),
  };
  return { entries, log: kafkajsLogCreator(logger)(logLevel.WARN) };
}

const at = (level: logLevel, label: string, log: Record<string, unknown>) => ({
  namespace: 'Consumer',
  level,
  label,
  log: { timestamp: '2026-05-11T10:15:00.000Z', logger: 'kafkajs', message: 'Crash: boom', ...log },
});

describe("kafkajs's log into the bus's logger", () => {
  it('keeps the level, the namespace and the fields; errors become their message', () => {
    const { entries, log } = recorded();
    log(at(logLevel.ERROR, 'ERROR', { groupId: 'g', retryCount: 3, error: new Error('no coordinator') }));
    log(at(logLevel.WARN, 'WARN', { groupId: 'g' }));
    log(at(logLevel.INFO, 'INFO', {}));
    expect(entries).toEqual([
      {
        level: 'error',
        message: 'Crash: boom',
        fields: { kafkajs: 'Consumer', groupId: 'g', retryCount: 3, error: 'no coordinator' },
      },
      { level: 'warn', message: 'Crash: boom', fields: { kafkajs: 'Consumer', groupId: 'g' } },
      { level: 'warn', message: 'Crash: boom', fields: { kafkajs: 'Consumer', kafkajsLevel: 'INFO' } },
    ]);
  });

  it("tells a connection's errors, which kafkajs retries or rejoins after, at warn", () => {
    const { entries, log } = recorded();
    log({ ...at(logLevel.ERROR, 'ERROR', { error: 'The group is rebalancing' }), namespace: 'Connection' });
    expect(entries).toEqual([
      {
        level: 'warn',
        message: 'Crash: boom',
        fields: { kafkajs: 'Connection', error: 'The group is rebalancing' },
      },
    ]);
  });

  it('drops what could carry a secret, at any depth, and buffers', () => {
    const { entries, log } = recorded();
    log(
      at(logLevel.ERROR, 'ERROR', {
        broker: '127.0.0.1:9092',
        ssl: true,
        sasl: { mechanism: 'plain', username: 'u', password: 'hunter2' },
        options: { ssl: { key: 'PRIVATE', ca: ['CA'] }, nested: { passphrase: 'p', token: 't' } },
        payload: Buffer.from('secret bytes'),
      }),
    );
    expect(entries[0]?.fields).toEqual({
      kafkajs: 'Consumer',
      broker: '127.0.0.1:9092',
      ssl: true,
      options: { nested: {} },
      payload: '[12 bytes]',
    });
    expect(JSON.stringify(entries)).not.toMatch(/hunter2|PRIVATE|secret bytes/);
  });
});
