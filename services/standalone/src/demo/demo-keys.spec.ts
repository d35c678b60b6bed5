import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyDirectory, readApiKeysFile, writeApiKeysFile } from '@hotline/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDemoKeys } from './demo-keys.ts';

const now = new Date('2026-11-29T10:00:00Z');
let directory: string;
let env: Record<string, string>;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'demo-keys-'));
  env = { SQLITE_FILE: join(directory, 'hotline.sqlite') };
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('the demo keys', () => {
  it('are made at first start by default, one per role and per demo client, only hashes in the keys file', () => {
    const prepared = prepareDemoKeys(env, now);
    const file = join(directory, 'api-keys.json');
    expect(prepared).toMatchObject({ made: true, file, env: { ...env, API_KEYS_FILE: file } });
    const text = readFileSync(file, 'utf8');
    const keys = new ApiKeyDirectory(readApiKeysFile(file).keys);
    const identities = prepared.keys.map((key) => {
      // Only the public id of a key is in the keys file, never its secret.
      expect(text).not.toContain(key.text);
      // (`hk_<16-hex id>_<secret>`: the secret, which may hold an underscore of its own, is the rest)
      expect(text).not.toContain(key.text.slice('hk_0123456789abcdef_'.length));
      return keys.identify(key.text);
    });
    expect(identities.map((identity) => [identity?.role, identity?.clients, identity?.system])).toEqual([
      ['manager', undefined, undefined],
      ['agent', undefined, undefined],
      ['auditor', undefined, undefined],
      ['system', undefined, 'erp'],
      ['client', ['ACME'], undefined],
      ['client', ['GLOBEX'], undefined],
      ['client', ['INITECH'], undefined],
      ['client', ['UMBRELLA'], undefined],
    ]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keep their secrets beside the data, for its owner only, and show the same keys at every later start', () => {
    const first = prepareDemoKeys(env, now);
    const secretsFile = join(directory, 'demo-keys.secret.json');
    expect(first.secretsFile).toBe(secretsFile);
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
    const keysText = readFileSync(join(directory, 'api-keys.json'), 'utf8');
    const again = prepareDemoKeys(env, new Date(now.getTime() + 86_400_000));
    expect(again).toMatchObject({ made: false, file: first.file, secretsFile, env: first.env });
    expect(again.keys).toEqual(first.keys);
    expect(readFileSync(join(directory, 'api-keys.json'), 'utf8')).toBe(keysText);
  });

  it('are not shown again once revoked, nor when their secrets are gone', () => {
    const first = prepareDemoKeys(env, now);
    const file = join(directory, 'api-keys.json');
    const agent = first.keys.find(({ role }) => role === 'agent')?.text.slice(3, 19);
    writeApiKeysFile(file, { keys: readApiKeysFile(file).keys.filter(({ id }) => id !== agent) });
    const again = prepareDemoKeys(env, now);
    expect(again.keys.map(({ role }) => role)).not.toContain('agent');
    expect(again.keys).toHaveLength(first.keys.length - 1);
    rmSync(join(directory, 'demo-keys.secret.json'));
    expect(prepareDemoKeys(env, now)).toMatchObject({ made: false, keys: [] });
  });

  it('are not made for a start that a wrong setting stops', () => {
    expect(prepareDemoKeys({ ...env, KAFKA_BROKERS: 'kafka' }, now)).toMatchObject({ made: false, keys: [] });
    expect(existsSync(join(directory, 'api-keys.json'))).toBe(false);
  });

  it('are not made with AUTH=off, nor when API_KEYS_FILE names the operator’s file', () => {
    expect(prepareDemoKeys({ ...env, AUTH: 'off' }, now)).toMatchObject({ made: false, keys: [] });
    const file = join(directory, 'keys', 'operator.json');
    const prepared = prepareDemoKeys({ ...env, API_KEYS_FILE: file }, now);
    expect(prepared).toMatchObject({ made: false, keys: [], file });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(directory, 'api-keys.json'))).toBe(false);
  });
});
