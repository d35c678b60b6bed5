import { describe, expect, it } from 'vitest';
import { domainErrorToProblem } from './domain-problems.ts';
import { problem } from './problem-document.ts';
import { ProblemError } from './problem-error.ts';

describe('problem', () => {
  it('fills RFC 9457 defaults: about:blank and the status phrase', () => {
    expect(problem({ status: 404 })).toEqual({ type: 'about:blank', title: 'Not Found', status: 404 });
  });

  it('names the type after the code when there is one', () => {
    expect(problem({ status: 409, code: 'ticket.revision_conflict', detail: 'Changed meanwhile' })).toEqual({
      type: 'urn:hotline:problem:ticket.revision_conflict',
      title: 'Conflict',
      status: 409,
      code: 'ticket.revision_conflict',
      detail: 'Changed meanwhile',
    });
  });

  it('travels in a ProblemError with its cause', () => {
    const cause = new Error('expected revision 3');
    const error = new ProblemError({ status: 409, detail: 'Changed meanwhile' }, { cause });
    expect(error).toMatchObject({ status: 409, message: 'Changed meanwhile', cause });
    expect(error.problem.title).toBe('Conflict');
  });
});

describe('domainErrorToProblem', () => {
  const statuses = {
    'ticket.revision_conflict': { status: 409, title: 'Ticket changed meanwhile' },
    'ticket.not_found': 404,
  };

  it("maps a domain error by the caller's table, keeping code, message and details", () => {
    const refusal = {
      code: 'ticket.revision_conflict',
      message: 'The ticket changed since you read it.',
      details: { expected: 3, actual: 4 },
    };
    expect(domainErrorToProblem(refusal, statuses, { instance: '/tickets/t-1' })).toEqual({
      type: 'urn:hotline:problem:ticket.revision_conflict',
      title: 'Ticket changed meanwhile',
      status: 409,
      code: 'ticket.revision_conflict',
      detail: 'The ticket changed since you read it.',
      instance: '/tickets/t-1',
      details: { expected: 3, actual: 4 },
    });
    expect(domainErrorToProblem({ code: 'ticket.not_found', message: 'No ticket t-9.' }, statuses)).toMatchObject({
      status: 404,
      title: 'Not Found',
    });
  });

  it('answers 422 for codes the table does not know, unless told otherwise', () => {
    const refusal = { code: 'ticket.not_receivable', message: 'The ticket is closed.' };
    expect(domainErrorToProblem(refusal, statuses).status).toBe(422);
    expect(domainErrorToProblem(refusal, statuses, { fallbackStatus: 409 }).status).toBe(409);
  });
});
