/**
 * What never reaches the logs, matched by key name at any depth of a logged object or of a child
 * logger's bindings. Keys are compared without case, dashes or underscores, and by suffix, so
 * `apiKey`, `api_key`, the `x-api-key` header and `KAFKA_SASL_PASSWORD` are all caught.
 *
 * Key names rather than pino paths: path wildcards match one level each, so covering three levels
 * for this list cost ~150 µs per line (measured) and still missed deeper objects; this walk costs
 * a few µs and has no depth blind spot within `MAX_DEPTH`. Values inside the message string are not
 * seen: never interpolate personal data into `msg`.
 */
export const SECRET_KEYS = [
  'password',
  'passwd',
  'secret',
  'clientSecret',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'apiKey',
  'x-api-key',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'privateKey',
  'credentials',
  'connectionString',
] as const;

export const PERSONAL_KEYS = [
  'email',
  'emailAddress',
  'phone',
  'phoneNumber',
  'mobile',
  'firstName',
  'lastName',
  'fullName',
  'displayName',
  'contactName',
] as const;

/** `name` is personal under these keys (`contact.name`), and harmless elsewhere (`product.name`). */
export const PERSON_HOLDER_KEYS = ['contact', 'requester', 'reporter', 'agent', 'user', 'person'] as const;

export const REDACTED = '[Redacted]';

/** Beyond this depth objects are logged as they are; nothing legitimate is logged that deep. */
const MAX_DEPTH = 8;

const isPlainObject = (value: object) => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

const normalise = (key: string) => key.toLowerCase().replace(/[-_]/g, '');

export type Redactor = <T extends object>(value: T) => T;

export function createRedactor(extraKeys: readonly string[] = []): Redactor {
  const words = [...SECRET_KEYS, ...PERSONAL_KEYS, ...extraKeys].map((key) => normalise(key).replace(/\W/g, ''));
  const hidden = new RegExp(`(?:${words.join('|')})$`);
  const holders = new Set<string>(PERSON_HOLDER_KEYS.flatMap((key) => [normalise(key), `${normalise(key)}s`]));

  // Copy on write: the caller's object is never changed, and untouched branches are shared.
  function redact(value: unknown, parentKey: string, depth: number, seen: Set<object>): unknown {
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || seen.has(value)) return value;
    // Only data is walked: instances (Fastify's request and reply, errors, buffers) belong to
    // pino's serializers, and copying them would drop their prototype getters.
    if (!Array.isArray(value) && !isPlainObject(value)) return value;
    seen.add(value);
    let copy: Record<string, unknown> | unknown[] | undefined;
    const source = value as Record<string, unknown>;
    const isList = Array.isArray(value);
    for (const key of Object.keys(source)) {
      const normalised = normalise(key);
      const child = source[key];
      const next =
        !isList && child !== undefined && (hidden.test(normalised) || (normalised === 'name' && holders.has(parentKey)))
          ? REDACTED
          : // Items of `contacts: [...]` are held by `contacts`, not by their index.
            redact(child, isList ? parentKey : normalised, depth + 1, seen);
      if (next !== child) {
        copy ??= isList ? [...value] : { ...source };
        (copy as Record<string, unknown>)[key] = next;
      }
    }
    seen.delete(value);
    return copy ?? value;
  }

  return <T extends object>(value: T) => redact(value, '', 0, new Set()) as T;
}
