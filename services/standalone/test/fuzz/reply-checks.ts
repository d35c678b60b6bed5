import { PROBLEM_CONTENT_TYPE, problemType } from '@hotline/runtime';
import type { FuzzRequest } from './fuzz-requests.ts';
import type { Reply } from './raw-http.ts';

const VALIDATION = problemType('validation');

interface FieldError {
  readonly in: string;
  readonly path: string;
}

/** `terms` names `terms.slaTargets.0.basis`: zod reports a union's failure on the union itself. */
const namesOrContains = (named: string, flawed: string) =>
  named === '' || named === flawed || flawed.startsWith(`${named}.`);

function parsed(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What is wrong with the reply, or undefined when it is right: never a 5xx; a 4xx is an RFC 9457
 * problem document whose status is the reply's, a validation problem lists its fields; a request
 * wrong on purpose gets the answer its flaw calls for.
 */
export function replyFault(request: FuzzRequest, reply: Reply): string | undefined {
  if (reply.status >= 500 || reply.status < 100) return `answered ${reply.status}`;
  const flaw = request.flaw;
  if (reply.status < 400) {
    if (flaw?.definite) return `accepted (${reply.status}) a request whose ${flaw.in} ${flaw.path} is ${flaw.how}`;
    if (flaw?.status !== undefined) return `answered ${reply.status} instead of ${flaw.status} to ${flaw.how}`;
    return undefined;
  }
  if (!reply.contentType.startsWith(PROBLEM_CONTENT_TYPE))
    return `a ${reply.status} as ${reply.contentType || 'no content type'}`;
  const document = parsed(reply.text);
  if (document === undefined) return `a ${reply.status} whose body is not a JSON object`;
  if (typeof document.type !== 'string' || typeof document.title !== 'string') return 'a problem without type or title';
  if (document.status !== reply.status) return `a problem whose status ${document.status} is not the reply's`;
  const errors = document.errors as readonly FieldError[] | undefined;
  if (document.type === VALIDATION) {
    if (!Array.isArray(errors) || errors.length === 0) return 'a validation problem naming no field';
    if (errors.some((error) => typeof error.in !== 'string' || typeof error.path !== 'string')) {
      return 'a validation problem whose fields lack `in` or `path`';
    }
  }
  if (flaw?.status !== undefined && reply.status !== flaw.status) {
    return `answered ${reply.status} instead of ${flaw.status} to ${flaw.how}`;
  }
  if (flaw?.definite) {
    if (document.type !== VALIDATION) return `answered ${reply.status} ${document.type}, not a validation problem`;
    const named = (errors ?? []).some((error) => error.in === flaw.in && namesOrContains(error.path, flaw.path));
    if (!named) return `the validation problem does not name ${flaw.in} ${flaw.path || '(the whole part)'}`;
  }
  return undefined;
}
