import { type ProblemDocument, problem } from '../problems/problem-document.ts';

/**
 * Refusals as RFC 9457 documents with stable codes (`urn:hotline:problem:access.*`). A 401 comes
 * with its challenge (RFC 9110 §11.6.1), in the Bearer scheme of RFC 6750, which also carries API
 * keys (`Authorization: Bearer hk_…`) beside the `x-api-key` header.
 */
export const REALM = 'hotline';

export function missingCredentials(): { problem: ProblemDocument; challenge: string } {
  return {
    problem: problem({
      status: 401,
      code: 'access.unauthenticated',
      title: 'Authentication required',
      detail: 'This route needs an API key (x-api-key header) or a bearer token.',
    }),
    challenge: `Bearer realm="${REALM}"`,
  };
}

export function invalidCredentials(detail: string): { problem: ProblemDocument; challenge: string } {
  return {
    problem: problem({
      status: 401,
      code: 'access.invalid_credentials',
      title: 'Invalid credentials',
      detail: `The credentials were refused: ${detail}.`,
    }),
    challenge: `Bearer realm="${REALM}", error="invalid_token", error_description="${detail.replace(/"/g, "'")}"`,
  };
}

export function roleRefused(detail: string, role: string, allowedRoles: readonly string[]): ProblemDocument {
  return problem({ status: 403, code: 'access.role_refused', title: 'Role not allowed', detail, role, allowedRoles });
}

export function outOfScope(detail: string, scope: 'client' | 'system'): ProblemDocument {
  return problem({ status: 403, code: 'access.out_of_scope', title: "Outside the caller's scope", detail, scope });
}

export function rateLimited(max: number, retryAfterSec: number): ProblemDocument {
  return problem({
    status: 429,
    code: 'access.rate_limited',
    title: 'Too many requests',
    detail: `The limit of ${max} requests per window is reached; retry in ${retryAfterSec} s.`,
    limit: max,
    retryAfterSeconds: retryAfterSec,
  });
}
