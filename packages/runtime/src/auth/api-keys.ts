import { z } from 'zod';
import { parseApiKey, secretMatches } from './api-key.ts';
import { type Identity, Role, scopeFields, scopeProblem } from './identity.ts';

/** One key as the keys file keeps it: never the secret, only its salted hash. */
export const ApiKeyRecord = z
  .strictObject({
    id: z.string().regex(/^[0-9a-f]{16}$/),
    role: Role,
    ...scopeFields,
    label: z.string().optional().describe('Who holds it, for the operators'),
    createdAt: z.iso.datetime({ offset: true }),
    rateLimit: z.number().int().min(1).optional().describe('Requests per window, when not the default'),
    salt: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    hash: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .superRefine((record, ctx) => {
    const problem = scopeProblem(record);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, path: ['role'] });
  });
export type ApiKeyRecord = z.infer<typeof ApiKeyRecord>;

export const ApiKeysFile = z.strictObject({ keys: z.array(ApiKeyRecord) }).superRefine(({ keys }, ctx) => {
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (seen.has(key.id))
      ctx.addIssue({ code: 'custom', message: `duplicate key id ${key.id}`, path: ['keys', index] });
    seen.add(key.id);
  });
});
export type ApiKeysFile = z.infer<typeof ApiKeysFile>;

/** The keys a process accepts, by id. */
export class ApiKeyDirectory {
  readonly #keys: ReadonlyMap<string, ApiKeyRecord>;

  constructor(records: readonly ApiKeyRecord[]) {
    this.#keys = new Map(records.map((record) => [record.id, record]));
  }

  get size(): number {
    return this.#keys.size;
  }

  /** The key's identity, or undefined for a malformed, unknown or wrong key (the caller is not told which). */
  identify(text: string): Identity | undefined {
    const parsed = parseApiKey(text);
    if (parsed === undefined) return undefined;
    const record = this.#keys.get(parsed.id);
    if (record === undefined || !secretMatches(parsed.secret, record)) return undefined;
    return {
      via: 'api-key',
      id: record.id,
      role: record.role,
      ...(record.clients === undefined ? {} : { clients: record.clients }),
      ...(record.system === undefined ? {} : { system: record.system }),
      ...(record.rateLimit === undefined ? {} : { rateLimit: record.rateLimit }),
    };
  }
}
