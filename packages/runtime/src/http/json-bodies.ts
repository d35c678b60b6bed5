import type { FastifyInstance } from 'fastify';
import { problemType } from '../problems/problem-document.ts';
import { ProblemError } from '../problems/problem-error.ts';

const JSON_TYPE = 'application/json';

/**
 * The dotted path of the first string (value or key) holding an unpaired surrogate, if any. JSON
 * and JavaScript can hold one (`"\ud800"`), UTF-8 cannot: a store writing text as UTF-8 keeps
 * U+FFFD instead, and the event's hash, computed over the text as sent, no longer verifies.
 */
export function unpairedSurrogateAt(value: unknown): string | undefined {
  return surrogatePath(value)?.reverse().join('.');
}

/** The path to the first unpaired surrogate, innermost key first: built only once one is found. */
function surrogatePath(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.isWellFormed() ? undefined : [];
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of Object.keys(value)) {
    if (!key.isWellFormed()) return [key];
    const found = surrogatePath((value as Record<string, unknown>)[key]);
    if (found !== undefined) {
      found.push(key);
      return found;
    }
  }
  return undefined;
}

/**
 * JSON bodies as Fastify parses them (prototype poisoning refused), and refused with a validation
 * problem when a string holds an unpaired surrogate. JSON can spell one (`"\ud800"`) but UTF-8
 * cannot: the store would keep U+FFFD instead, and the event's hash, computed over the original
 * text, would no longer verify. RFC 7493 (I-JSON) forbids them for the same reason.
 */
export function registerJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(JSON_TYPE);
  app.addContentTypeParser(JSON_TYPE, { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, String(body), (error: Error | null, value?: unknown) => {
      if (error) return done(error);
      const path = unpairedSurrogateAt(value);
      if (path === undefined) return done(null, value);
      const message = 'holds an unpaired surrogate: it is not Unicode text';
      done(
        new ProblemError({
          status: 400,
          type: problemType('validation'),
          title: 'Request validation failed',
          detail: `Invalid body: ${path || 'body'}.`,
          errors: [{ in: 'body', path, message, code: 'invalid_unicode' }],
        }),
      );
    });
  });
}
