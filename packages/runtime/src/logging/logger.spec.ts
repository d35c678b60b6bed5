import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, type LoggerSettings, withRequestContext } from './logger.ts';

function capture(settings: Omit<LoggerSettings, 'destination'> = { service: 'intake' }) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ ...settings, destination }), lines };
}

describe('createLogger', () => {
  it('writes JSON lines with the service, a word level and an ISO time', () => {
    const { logger, lines } = capture();
    logger.info({ ticketId: 't-1' }, 'ticket received');
    expect(lines[0]).toMatchObject({ service: 'intake', level: 'info', msg: 'ticket received', ticketId: 't-1' });
    expect(String(lines[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('redacts secrets and personal data at any depth, leaving the rest and the caller object intact', () => {
    const { logger, lines } = capture();
    const logged = {
      req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1', 'x-api-key': 'k-123', accept: 'json' } },
      config: { DB_PASSWORD: 'pw', esdb: { connectionString: 'esdb://admin:changeit@x' } },
      ticket: {
        id: 't-1',
        product: { name: 'Compta+' },
        contact: { name: 'Jeanne Martin', email: 'jeanne@example.fr', phone: '+33 6 12 34 56 78' },
        watchers: [{ contact: { fullName: 'Paul Durand' } }],
      },
      requesters: [{ name: 'Ana Souza', id: 'c-9' }],
      accessToken: 'eyJ...',
    };
    logger.info(logged, 'intake');
    const line = JSON.stringify(lines[0]);
    for (const value of [
      'Bearer abc',
      'sid=1',
      'k-123',
      'changeit',
      'jeanne@example.fr',
      '+33 6',
      'Jeanne',
      'Paul',
      'Ana',
      'eyJ',
    ]) {
      expect(line).not.toContain(value);
    }
    expect(lines[0]).toMatchObject({
      req: { headers: { authorization: '[Redacted]', accept: 'json' } },
      config: { DB_PASSWORD: '[Redacted]', esdb: { connectionString: '[Redacted]' } },
      ticket: { id: 't-1', product: { name: 'Compta+' }, contact: { name: '[Redacted]', email: '[Redacted]' } },
      requesters: [{ name: '[Redacted]', id: 'c-9' }],
    });
    expect(logged.ticket.contact.email).toBe('jeanne@example.fr');
  });

  it('redacts child bindings and extra keys a service asks for', () => {
    const { logger, lines } = capture({ service: 'intake', redactKeys: ['siret'] });
    logger
      .child({ email: 'a@b.fr' })
      .child({ contact: { name: 'Jeanne' } })
      .info({ client: { siret: '123' } }, 'x');
    expect(lines[0]).toMatchObject({
      email: '[Redacted]',
      contact: { name: '[Redacted]' },
      client: { siret: '[Redacted]' },
    });
  });

  it('binds request and correlation ids to every line of a request', () => {
    const { logger, lines } = capture();
    withRequestContext(logger, { requestId: 'r-1', correlationId: 'c-1' }).warn('slow');
    expect(lines[0]).toMatchObject({ requestId: 'r-1', correlationId: 'c-1', service: 'intake', level: 'warn' });
  });
});
