import { STATUS_CODES } from 'node:http';
import { z } from 'zod';

/** RFC 9457 media type; clients that ask for JSON accept it too (`+json` suffix). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Problem types of this product are URNs rather than https URLs: they identify a kind of problem
 * whatever host serves the API (each deployment has its own), and nothing invites a client to
 * dereference them. Plain HTTP failures (404, 405, 413…) keep `about:blank`, as RFC 9457 advises.
 */
export const PROBLEM_TYPE_PREFIX = 'urn:hotline:problem:';

export const problemType = (name: string) => `${PROBLEM_TYPE_PREFIX}${name}`;

export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  /** Extension members: `code` (a domain error code), `errors`, `requestId`… */
  readonly [extension: string]: unknown;
}

export interface ProblemInit {
  readonly status: number;
  readonly type?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly instance?: string;
  /** A stable error code, e.g. `ticket.not_receivable`; also names the problem type when `type` is absent. */
  readonly code?: string;
  readonly [extension: string]: unknown;
}

export const statusTitle = (status: number) => STATUS_CODES[status] ?? 'Error';

/** A problem document with RFC 9457's defaults filled in. */
export function problem({ status, type, title, code, ...rest }: ProblemInit): ProblemDocument {
  const resolvedType = type ?? (code === undefined ? 'about:blank' : problemType(code));
  return {
    type: resolvedType,
    title: title ?? statusTitle(status),
    status,
    ...(code !== undefined && { code }),
    ...rest,
  };
}

export const FieldErrorSchema = z.object({
  in: z.enum(['body', 'querystring', 'params', 'headers']).describe('Which part of the request is wrong'),
  path: z
    .string()
    .describe('Dotted path of the field within that part (`contact.email`, `items.0`); empty for the whole part'),
  message: z.string().describe('What is wrong, in English'),
  code: z.string().describe('Machine-readable reason (zod issue code), for translation'),
  params: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Facts behind the reason (expected type, bounds, allowed values)'),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** For route response schemas; loose, so extension members survive serialization. */
export const ProblemDocumentSchema = z
  .looseObject({
    type: z.string().describe('URI of the problem type; `about:blank` for plain HTTP failures'),
    title: z.string().describe('Short summary of the problem type, in English'),
    status: z.number().int(),
    detail: z.string().optional().describe('What happened this time'),
    instance: z.string().optional().describe('The request path'),
    code: z.string().optional().describe('Stable domain error code'),
    requestId: z.string().optional().describe('Quote it to the support team'),
    errors: z.array(FieldErrorSchema).optional().describe('Each invalid field (validation problems only)'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem document (application/problem+json)' });
