import type { FastifySchemaValidationError } from 'fastify';
import { type FieldError, type ProblemDocument, problem, problemType } from './problem-document.ts';
import { ProblemError } from './problem-error.ts';

export interface ErrorProblem {
  readonly problem: ProblemDocument;
  /** A fault of ours rather than of the request: log it with its stack, show nothing of it. */
  readonly unexpected: boolean;
}

type Location = FieldError['in'];

interface ValidationFailure {
  readonly validation: readonly FastifySchemaValidationError[];
  readonly validationContext?: string;
}

function isValidationFailure(error: object): error is ValidationFailure {
  return 'validation' in error && Array.isArray(error.validation);
}

/**
 * A failure that passes and says when to try again (the event store's `StoreBusyError`: another
 * process held its lock too long), restated so the runtime stays independent of the store.
 */
export interface TransientErrorLike {
  readonly code: string;
  readonly retryAfterSeconds: number;
}

function isTransient(error: object): error is TransientErrorLike {
  return (
    'retryAfterSeconds' in error &&
    typeof error.retryAfterSeconds === 'number' &&
    'code' in error &&
    typeof error.code === 'string'
  );
}

function statusOf(error: object): number | undefined {
  const status = 'statusCode' in error ? error.statusCode : undefined;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : undefined;
}

/** Every error a request can meet, as the problem document its client receives. */
export function problemFromError(error: unknown): ErrorProblem {
  if (error instanceof ProblemError) return { problem: error.problem, unexpected: error.status >= 500 };
  if (typeof error === 'object' && error !== null) {
    if (isValidationFailure(error)) return { problem: validationProblem(error), unexpected: false };
    if (isTransient(error)) return { problem: transientProblem(error), unexpected: false };
    const status = statusOf(error);
    // Fastify's own 4xx errors (body too large, unsupported media type, malformed JSON) describe
    // the request, never our internals, so their message is a fair `detail`.
    if (status !== undefined && status < 500 && error instanceof Error) {
      return { problem: problem({ status, detail: error.message }), unexpected: false };
    }
  }
  return { problem: problem({ status: 500, detail: 'The request could not be completed.' }), unexpected: true };
}

/** A 503 the client may retry as is; `retryAfterSeconds` also becomes the Retry-After header. */
function transientProblem({ code, retryAfterSeconds }: TransientErrorLike): ProblemDocument {
  return problem({
    status: 503,
    code,
    detail: `The service is busy and did nothing of this request; retry in ${retryAfterSeconds} s.`,
    retryAfterSeconds,
  });
}

export function validationProblem({ validation, validationContext }: ValidationFailure): ProblemDocument {
  const location = toLocation(validationContext);
  const errors: FieldError[] = validation.map((failure) => {
    const { input: _input, ...params } = failure.params as Record<string, unknown>;
    return {
      in: location,
      path: failure.instancePath.split('/').filter(Boolean).join('.'),
      message: failure.message ?? 'is invalid',
      code: failure.keyword,
      ...(Object.keys(params).length > 0 && { params }),
    };
  });
  const fields = [...new Set(errors.map(({ path }) => path || location))];
  return problem({
    status: 400,
    type: problemType('validation'),
    title: 'Request validation failed',
    detail: `Invalid ${location}: ${fields.join(', ')}.`,
    errors,
  });
}

function toLocation(context: string | undefined): Location {
  return context === 'querystring' || context === 'params' || context === 'headers' ? context : 'body';
}
