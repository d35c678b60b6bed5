import { type ProblemDocument, problem } from './problem-document.ts';

/** The shape of `@hotline/domain`'s DomainError, restated so the runtime stays independent of the domain. */
export interface DomainErrorLike {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type DomainErrorStatus = number | { readonly status: number; readonly title?: string };

export interface DomainProblemOptions {
  /** Status of codes missing from the table: the request was understood and the rules refused it. */
  readonly fallbackStatus?: number;
  readonly instance?: string;
}

/**
 * A domain refusal as a problem document: the code names the type (`urn:hotline:problem:<code>`)
 * and travels as `code`, the person's message becomes `detail`, the facts go in `details`.
 * The status comes from the caller's table because only the service knows what a refusal means
 * over HTTP (`ticket.revision_conflict` is a 409, `ticket.not_receivable` a 422…).
 */
export function domainErrorToProblem(
  error: DomainErrorLike,
  statuses: Readonly<Record<string, DomainErrorStatus>>,
  { fallbackStatus = 422, instance }: DomainProblemOptions = {},
): ProblemDocument {
  const mapped = statuses[error.code];
  const { status, title } =
    typeof mapped === 'object' ? mapped : { status: mapped ?? fallbackStatus, title: undefined };
  return problem({
    status,
    code: error.code,
    ...(title !== undefined && { title }),
    detail: error.message,
    ...(instance !== undefined && { instance }),
    ...(error.details !== undefined && { details: error.details }),
  });
}
