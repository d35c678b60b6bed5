import fc from 'fast-check';
import type { ApiOperation } from '../fuzz/api-operations.ts';
import type { FieldHints } from '../fuzz/json-schema.ts';
import { validArbitrary, validObject } from '../fuzz/valid-values.ts';

/** What the other client owns: its id, its tickets, its contracts. */
export interface OtherClient {
  readonly clientId: string;
  readonly ticketIds: readonly string[];
  readonly contractIds: readonly string[];
}

/**
 * Field values aimed at the other client wherever a request names a client, a ticket or a contract
 * (path, query or body, at any depth); every other field gets what the store holds, so that a
 * request is valid and reaches the route's scope check and its handler.
 */
export function hintsAgainst(other: OtherClient, storeHints: FieldHints): FieldHints {
  const aimed: Record<string, fc.Arbitrary<string>> = {
    clientId: fc.constant(other.clientId),
    ticketId: fc.constantFrom(...other.ticketIds),
    contractId: fc.constantFrom(...other.contractIds),
  };
  return (name) => aimed[name] ?? storeHints(name);
}

export interface IsolationRequest {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
}

/**
 * One request of the operation, the same for the same seed: path parameters from the hints, every
 * query parameter that names a client or a ticket plus the required ones, a body valid for the
 * operation's schema when it takes one.
 */
export function isolationRequest(operation: ApiOperation, hints: FieldHints, seed: number): IsolationRequest {
  const sample = <T>(arbitrary: fc.Arbitrary<T>, salt: number) =>
    fc.sample(arbitrary, { seed: seed + salt, numRuns: 1 })[0] as T;
  let path = operation.path;
  const query = new URLSearchParams();
  operation.parameters.forEach((parameter, index) => {
    const aimed = ['clientId', 'ticketId', 'contractId'].includes(parameter.name);
    if (parameter.in === 'query' && !parameter.required && !aimed) return;
    // A parameter that names a client, a ticket or a contract always names one of the hints'.
    const hinted = aimed ? hints(parameter.name) : undefined;
    const value = String(sample(hinted ?? validArbitrary(parameter.schema, hints, parameter.name), index));
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(value));
    else query.set(parameter.name, value);
  });
  const search = query.toString();
  return {
    method: operation.method,
    path: search === '' ? path : `${path}?${search}`,
    ...(operation.body === undefined ? {} : { body: sample(validObject(operation.body, hints), 1000) }),
  };
}

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

export async function send(base: string, key: string, request: IsolationRequest): Promise<Answer> {
  const response = await fetch(`${base}${request.path}`, {
    method: request.method,
    headers: {
      'x-api-key': key,
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

/** The other client's ids an answer shows, JSON and CSV alike: none is the only good answer. */
export function leakedIds(answer: Answer, other: OtherClient): string[] {
  const ids = [other.clientId, ...other.ticketIds, ...other.contractIds];
  return ids.filter((id) =>
    new RegExp(`(^|[^A-Za-z0-9_-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_-])`).test(answer.text),
  );
}

export const isProblem = (answer: Answer) => answer.contentType.startsWith('application/problem+json');

export function codeOf(answer: Answer): string | undefined {
  try {
    return (JSON.parse(answer.text) as { code?: string }).code;
  } catch {
    return undefined;
  }
}
