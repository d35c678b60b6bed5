import { type ProblemDocument, type ProblemInit, problem } from './problem-document.ts';

/**
 * Thrown by a route or a service to answer with a problem document; the server's error handler
 * renders it as is, so a service never builds an HTTP response for a refusal.
 */
export class ProblemError extends Error {
  readonly problem: ProblemDocument;

  constructor(init: ProblemInit, options?: ErrorOptions) {
    const document = problem(init);
    super(document.detail ?? document.title, options);
    this.name = 'ProblemError';
    this.problem = document;
  }

  get status(): number {
    return this.problem.status;
  }
}
