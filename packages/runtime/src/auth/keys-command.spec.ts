import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiKeyDirectory } from './api-keys.ts';
import { readApiKeysFile } from './api-keys-file.ts';
import { runKeysCommand } from './keys-command.ts';

function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runKeysCommand(argv, {
    env,
    now: () => new Date('2026-11-29T10:00:00Z'),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { code, out: out.join(''), err: err.join('') };
}

describe('keys command', () => {
  it('creates a key, prints it once and stores only its hash, readable by its owner only', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'keys-')), 'keys.json');
    const created = run(['create', '--role', 'client', '--client', 'acme', '--client', 'globex', '--label', 'portal'], {
      API_KEYS_FILE: file,
    });
    expect(created.code).toBe(0);
    const key = created.out.trim();
    expect(key).toMatch(/^hk_[0-9a-f]{16}_/);
    expect(created.err).toContain('(client of acme, globex, portal)');
    expect(readFileSync(file, 'utf8')).not.toContain(key.slice(20));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const directory = new ApiKeyDirectory(readApiKeysFile(file).keys);
    expect(directory.identify(key)).toMatchObject({ role: 'client', clients: ['acme', 'globex'] });

    const second = run(['create', '--role', 'system', '--system', 'erp', '--file', file]);
    expect(second.code).toBe(0);
    expect(readApiKeysFile(file).keys).toHaveLength(2);
    const listed = run(['list', '--file', file]);
    expect(listed.out.split('\n').filter(Boolean)).toHaveLength(2);
    expect(listed.out).not.toContain(key.slice(20));

    const id = key.slice(3, 19);
    expect(run(['revoke', id, '--file', file]).code).toBe(0);
    expect(new ApiKeyDirectory(readApiKeysFile(file).keys).identify(key)).toBeUndefined();
    expect(run(['revoke', id, '--file', file]).code).toBe(1);
  });

  it('refuses a role without its scope or an unknown role, writing nothing', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'keys-')), 'keys.json');
    expect(run(['create', '--role', 'client', '--file', file])).toMatchObject({ code: 1, out: '' });
    expect(run(['create', '--role', 'root', '--file', file])).toMatchObject({ code: 2, out: '' });
    expect(run(['create', '--role', 'agent', '--rate-limit', 'lots', '--file', file]).code).toBe(2);
    expect(run(['create', '--bogus']).code).toBe(2);
    expect(() => statSync(file)).toThrow();
  });

  it('runs as a command', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'keys-')), 'keys.json');
    const cli = join(import.meta.dirname, 'keys-cli.ts');
    const key = execFileSync(process.execPath, [cli, 'create', '--role', 'manager', '--file', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    expect(new ApiKeyDirectory(readApiKeysFile(file).keys).identify(key)).toMatchObject({ role: 'manager' });
  });
});
