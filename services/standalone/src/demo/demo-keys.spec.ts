import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeyDirectory, readApiKeysFile } from '@hotline/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareDemoKeys } from './demo-keys.ts';

const now = new Date('2026-11-29T10:00:00Z');
let directory: string;
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('the demo keys', () => {
  it('are made at first start with AUTH=on, one per role, stored as hashes beside the store', () => {
    directory = mkdtempSync(join(tmpdir(), 'demo-keys-'));
    const env = { AUTH: 'on', SQLITE_FILE: join(directory, 'hotline.sqlite') };
    const prepared = prepareDemoKeys(env, now);
    const file = join(directory, 'api-keys.json');
    expect(prepared.env).toMatchObject({ ...env, API_KEYS_FILE: file });
    expect(prepared.created).toHaveLength(5);
    const text = readFileSync(file, 'utf8');
    const directoryOfKeys = new ApiKeyDirectory(readApiKeysFile(file).keys);
    const identities = prepared.created.map((key) => {
      // Only the public id of a key is in the file, never its secret.
      expect(text).not.toContain(key.text);
      expect(text).not.toContain(key.text.split('_')[2]);
      return directoryOfKeys.identify(key.text);
    });
    expect(identities.map((identity) => [identity?.role, identity?.clients, identity?.system])).toEqual([
      ['manager', undefined, undefined],
      ['agent', undefined, undefined],
      ['auditor', undefined, undefined],
      ['client', ['ACME'], undefined],
      ['system', undefined, 'erp'],
    ]);
    // Shown once: the next start keeps the file and has nothing to show.
    const again = prepareDemoKeys(env, now);
    expect(again.created).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('are not made with AUTH=off, and follow API_KEYS_FILE when it is set', () => {
    directory = mkdtempSync(join(tmpdir(), 'demo-keys-'));
    expect(prepareDemoKeys({ SQLITE_FILE: join(directory, 'hotline.sqlite') }, now).created).toEqual([]);
    const file = join(directory, 'keys', 'demo.json');
    const prepared = prepareDemoKeys({ AUTH: 'on', API_KEYS_FILE: file }, now);
    expect(prepared.file).toBe(file);
    expect(readApiKeysFile(file).keys).toHaveLength(5);
  });
});
