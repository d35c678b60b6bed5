/**
 * A refusal of the domain. `code` is stable and documented (docs/domain.md, "Error codes");
 * `message` is for a person and may change; `details` carries the facts behind the refusal.
 */
export interface DomainError {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function domainError(code: string, message: string, details?: Record<string, unknown>): DomainError {
  return details === undefined ? { code, message } : { code, message, details };
}
