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

function statusOf(error: object): number | undefined {
  const status = 'statusCode' in error ? error.statusCode : undefined;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : undefined;
}

/** Every error a request can meet, as the problem document its client receives. */
export function problemFromError(error: unknown): ErrorProblem {
  if (error instanceof ProblemError) return { problem: error.problem, unexpected: error.status >= 500 };
  if (typeof error === 'object' && error !== null) {
    if (isValidationFailure(error)) return { problem: validationProblem(error), unexpected: false };
    const status = statusOf(error);
    // Fastify's own 4xx errors (body too large, unsupported media type, malformed JSON) describe
    // the request, never our internals, so their message is a fair `detail`.
    if (status !== undefined && status < 500 && error instanceof Error) {
      return { problem: problem({ status, detail: error.message }), unexpected: false };
    }
  }
  return { problem: problem({ status: 500, detail: 'The request could not be completed.' }), unexpected: true };
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
