import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateApiKey } from './api-key.ts';
import { ApiKeyRecord, ApiKeysFile } from './api-keys.ts';
import type { Role } from './identity.ts';

/** Why a keys file was refused, in one line that quotes no value from it (hashes stay out of logs too). */
export class KeysFileError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KeysFileError';
  }
}

/** The keys of a file; a missing file is an error here (a process told to read keys must have them). */
export function readApiKeysFile(path: string): ApiKeysFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new KeysFileError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeysFileError(`${path} is not JSON`);
  }
  const parsed = ApiKeysFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KeysFileError(`${path}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** An absent file is an empty one, for the command that creates the first key. */
export function readOrEmptyApiKeysFile(path: string): ApiKeysFile {
  return existsSync(path) ? readApiKeysFile(path) : { keys: [] };
}

/**
 * Written whole to a temporary file then renamed over the old one, so a reader never sees half a
 * file; readable by its owner only (0600), since whoever reads it can recognise keys.
 */
export function writeApiKeysFile(path: string, file: ApiKeysFile): void {
  writeOwnerOnlyFile(path, `${JSON.stringify(ApiKeysFile.parse(file), null, 2)}\n`);
}

/** A file only its owner may read (0600), written whole then renamed, so that a reader never sees half of it. */
export function writeOwnerOnlyFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, path);
}

export interface NewApiKey {
  readonly role: Role;
  readonly clients?: readonly string[];
  readonly system?: string;
  readonly label?: string;
  readonly rateLimit?: number;
}

/** A new key's text (to show once) and its record (to store); the record is checked like a file's. */
export function createApiKey(request: NewApiKey, now: Date): { readonly text: string; readonly record: ApiKeyRecord } {
  const { text, id, salt, hash } = generateApiKey();
  const parsed = ApiKeyRecord.safeParse({
    id,
    role: request.role,
    ...(request.clients === undefined ? {} : { clients: [...request.clients] }),
    ...(request.system === undefined ? {} : { system: request.system }),
    ...(request.label === undefined ? {} : { label: request.label }),
    createdAt: now.toISOString(),
    ...(request.rateLimit === undefined ? {} : { rateLimit: request.rateLimit }),
    salt,
    hash,
  });
  if (!parsed.success) throw new KeysFileError(`cannot create this key: ${parsed.error.issues[0]?.message}`);
  return { text, record: parsed.data };
}

/**
 * Keys made together into a new file, e.g. one per role for a demo or a test: each key's text by the
 * name it was asked under, to hand out, and only their hashes written (0600).
 */
export function writeNewApiKeys<Name extends string>(
  path: string,
  requests: Readonly<Record<Name, NewApiKey>>,
  now: Date,
): Record<Name, string> {
  const created = (Object.entries(requests) as [Name, NewApiKey][]).map(
    ([name, request]) => [name, createApiKey(request, now)] as const,
  );
  writeApiKeysFile(path, { keys: created.map(([, { record }]) => record) });
  return Object.fromEntries(created.map(([name, { text }]) => [name, text])) as Record<Name, string>;
}
