import { describe, expect, it } from 'vitest';
import { generateApiKey, hashSecret, parseApiKey, secretMatches } from './api-key.ts';
import { ApiKeyDirectory, ApiKeysFile } from './api-keys.ts';
import { createApiKey } from './api-keys-file.ts';

const now = new Date('2026-11-29T12:00:00Z');

describe('API keys', () => {
  it('reads hk_<id>_<secret>: the id names the key, the secret proves it', () => {
    const { text, id } = generateApiKey();
    expect(text).toMatch(/^hk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(text)).toEqual({ id, secret: text.slice(20) });
    expect(parseApiKey('hk_0123')).toBeUndefined();
    expect(parseApiKey(`${text}x`)).toBeUndefined();
  });

  it('keeps a salted keyed hash of the secret, different for the same secret under two salts', () => {
    const secret = 'a'.repeat(43);
    const first = hashSecret(secret);
    const second = hashSecret(secret);
    expect(first.hash).not.toBe(second.hash);
    expect(first.hash).not.toContain(secret);
    expect(secretMatches(secret, first)).toBe(true);
    expect(secretMatches(secret, second)).toBe(true);
    expect(secretMatches(`${'a'.repeat(42)}b`, first)).toBe(false);
  });

  it('identifies a key with its role and scope, and refuses a changed secret or an unknown id', () => {
    const client = createApiKey({ role: 'client', clients: ['acme'], label: 'Acme portal', rateLimit: 50 }, now);
    const agent = createApiKey({ role: 'agent' }, now);
    const directory = new ApiKeyDirectory([client.record, agent.record]);
    expect(directory.identify(client.text)).toEqual({
      via: 'api-key',
      id: client.record.id,
      role: 'client',
      clients: ['acme'],
      rateLimit: 50,
    });
    expect(directory.identify(agent.text)).toEqual({ via: 'api-key', id: agent.record.id, role: 'agent' });
    const last = agent.text.at(-1) === 'A' ? 'B' : 'A';
    expect(directory.identify(`${agent.text.slice(0, -1)}${last}`)).toBeUndefined();
    expect(directory.identify(createApiKey({ role: 'agent' }, now).text)).toBeUndefined();
    expect(directory.identify('not a key')).toBeUndefined();
  });

  it('stores no secret: the record holds the id, the salt and the hash only', () => {
    const { text, record } = createApiKey({ role: 'system', system: 'erp' }, now);
    const secret = parseApiKey(text)?.secret ?? '';
    expect(JSON.stringify(record)).not.toContain(secret);
    expect(record).toEqual({
      id: expect.any(String),
      role: 'system',
      system: 'erp',
      createdAt: '2026-11-29T12:00:00.000Z',
      salt: expect.any(String),
      hash: expect.any(String),
    });
  });

  it('refuses a role without its scope, a scope on the wrong role, and duplicate ids', () => {
    expect(() => createApiKey({ role: 'client' }, now)).toThrow('a client needs its clients');
    expect(() => createApiKey({ role: 'system' }, now)).toThrow('a system needs its system name');
    expect(() => createApiKey({ role: 'agent', clients: ['acme'] }, now)).toThrow('only a client has clients');
    const { record } = createApiKey({ role: 'manager' }, now);
    const parsed = ApiKeysFile.safeParse({ keys: [record, record] });
    expect(parsed.error?.issues[0]?.message).toBe(`duplicate key id ${record.id}`);
  });
});
