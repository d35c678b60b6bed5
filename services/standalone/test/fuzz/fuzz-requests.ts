import fc from 'fast-check';
import type { ApiOperation, Parameter } from './api-operations.ts';
import { deepJsonText } from './hostile-values.ts';
import { invalidArbitrary } from './invalid-values.ts';
import type { FieldHints } from './json-schema.ts';
import { validArbitrary } from './valid-values.ts';
import { flawedText, validText } from './wire-values.ts';

/** Where a request is wrong on purpose, as a validation problem names it (`in`, dotted `path`). */
export interface RequestFlaw {
  readonly in: 'body' | 'params' | 'querystring' | 'raw';
  readonly path: string;
  readonly how: string;
  /** It cannot pass validation: the answer must be a 400 validation problem naming `path` or a parent of it. */
  readonly definite: boolean;
  /** The status it must get, when the flaw decides it (413 for a body over the limit…). */
  readonly status?: number;
}

export interface FuzzRequest {
  readonly method: string;
  /** Path and query, as sent on the request line. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  readonly flaw?: RequestFlaw;
}

const JSON_TYPE = 'application/json';

interface Parts {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  readonly body: unknown;
}

/** A segment as a client would encode it; a lone surrogate cannot be, so it goes as the bytes a sloppy client sends. */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return `%ED%A0%80${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))}`;
  }
}

function queryText(query: Parts['query']): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const each of [value].flat()) search.append(name, each.toWellFormed());
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

function urlOf(operation: ApiOperation, parts: Parts, rawSegments: Readonly<Record<string, string>> = {}): string {
  const path = operation.path.replace(
    /\{([^}]+)\}/g,
    (_, name: string) => rawSegments[name] ?? encodeSegment(parts.params[name] ?? ''),
  );
  return `${path}${queryText(parts.query)}`;
}

function request(operation: ApiOperation, parts: Parts, flaw?: RequestFlaw): FuzzRequest {
  const hasBody = operation.body !== undefined && parts.body !== undefined;
  return {
    method: operation.method,
    url: urlOf(operation, parts),
    headers: hasBody ? { 'content-type': JSON_TYPE } : {},
    ...(hasBody ? { body: JSON.stringify(parts.body) } : {}),
    ...(flaw === undefined ? {} : { flaw: weakened(flaw, operation, parts) }),
  };
}

// Fastify's longest path parameter (`maxParamLength`), and a margin under Node's 16 KiB of headers.
const MAX_PARAM_LENGTH = 100;
const MAX_URL_LENGTH = 8_000;

/**
 * A URL the server refuses before the route runs (a parameter that is not UTF-8 once decoded: 400;
 * longer than Fastify takes: 414; a request line over Node's limit: 431) hides any other flaw.
 */
function weakened(flaw: RequestFlaw, operation: ApiOperation, parts: Parts): RequestFlaw {
  const routed =
    Object.values(parts.params).every(
      (value) => value.isWellFormed() && encodeSegment(value).length <= MAX_PARAM_LENGTH,
    ) && urlOf(operation, parts).length <= MAX_URL_LENGTH;
  // An unpaired surrogate anywhere in the body is refused first, as not Unicode (JSON.stringify escapes it).
  const unicode = !/\\ud[89a-f][0-9a-f]{2}/i.test(JSON.stringify(parts.body) ?? '');
  if (routed && unicode) return flaw;
  const { status: _status, ...rest } = flaw;
  return { ...rest, definite: false };
}

const ofParameters = (parameters: readonly Parameter[], hints: FieldHints) =>
  Object.fromEntries(
    parameters.map((parameter) => [parameter.name, validText(parameter.schema, hints, parameter.name)]),
  );

/** Requests that look like a client's: every part valid as far as the document says. */
function validParts(operation: ApiOperation, hints: FieldHints): fc.Arbitrary<Parts> {
  const path = operation.parameters.filter((parameter) => parameter.in === 'path');
  const query = operation.parameters.filter((parameter) => parameter.in === 'query');
  return fc.record({
    params: fc.record(ofParameters(path, hints)),
    query: fc.record(ofParameters(query, hints), {
      requiredKeys: query.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    }),
    body: operation.body === undefined ? fc.constant(undefined) : validArbitrary(operation.body, hints),
  });
}

/**
 * Requests for one operation: valid-looking ones, and ones wrong in one place (a body field, a path
 * or query parameter, the bytes, the content type, the size, the method), each saying where.
 */
export function fuzzRequests(operation: ApiOperation, hints: FieldHints, bodyLimit: number): fc.Arbitrary<FuzzRequest> {
  const valid = validParts(operation, hints);
  const options: fc.WeightedArbitrary<FuzzRequest>[] = [
    { arbitrary: valid.map((parts) => request(operation, parts)), weight: 3 },
    { arbitrary: fc.tuple(valid, rawFlaws(operation, bodyLimit)).map(([parts, flaw]) => flaw(parts)), weight: 2 },
  ];
  const body = operation.body;
  if (body !== undefined) {
    options.push({
      arbitrary: fc
        .tuple(valid, invalidArbitrary(body, hints))
        .map(([parts, mutation]) =>
          request(
            operation,
            { ...parts, body: mutation.value },
            { in: 'body', path: mutation.path.join('.'), definite: mutation.definite, how: mutation.how },
          ),
        ),
      weight: 3,
    });
  }
  for (const location of ['path', 'query'] as const) {
    const parameters = operation.parameters.filter((parameter) => parameter.in === location);
    if (parameters.length === 0) continue;
    const flawed = fc
      .constantFrom(...parameters)
      .chain((parameter) => fc.tuple(fc.constant(parameter), flawedText(parameter.schema)));
    options.push({
      arbitrary: fc.tuple(valid, flawed).map(([parts, [parameter, flaw]]) => {
        const inPath = location === 'path';
        // An empty segment leaves the route behind (404) rather than failing its validation.
        const definite = flaw.definite && !(inPath && flaw.text === '');
        const changed = inPath
          ? { ...parts, params: { ...parts.params, [parameter.name]: flaw.text } }
          : { ...parts, query: { ...parts.query, [parameter.name]: flaw.text } };
        return request(operation, changed, {
          in: inPath ? 'params' : 'querystring',
          path: parameter.name,
          definite,
          how: flaw.how,
        });
      }),
      weight: 2,
    });
  }
  return fc.oneof(...options).map(withSummary);
}

/**
 * Two valid-looking requests to the operation under one Idempotency-Key, as a client reusing its key
 * for a new request sends them: the second must be answered (replayed or refused), never a 500.
 */
export function reusedKeyRequests(operation: ApiOperation, hints: FieldHints, seed: number): FuzzRequest[] {
  const key = `fuzz-reused-${seed}-${operation.method}-${operation.path}`.replace(/[^A-Za-z0-9-]/g, '-');
  return fc.sample(validParts(operation, hints), { seed, numRuns: 2 }).map((parts) =>
    withSummary({
      ...request(operation, parts),
      headers: { ...request(operation, parts).headers, 'idempotency-key': key },
    }),
  );
}

const clip = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length)}…(${text.length})` : text;

/** A request as a failure report shows it: short, with what it gets wrong. */
export function summary(request: FuzzRequest): string {
  const body = request.body === undefined ? '' : ` ${clip(String(request.body), 300)}`;
  const headers = Object.keys(request.headers).length === 0 ? '' : ` ${JSON.stringify(request.headers)}`;
  const flaw = request.flaw === undefined ? '' : ` [${request.flaw.in} ${request.flaw.path}: ${request.flaw.how}]`;
  return `${request.method} ${clip(request.url, 200)}${headers}${body}${flaw}`;
}

// fast-check prints counterexamples with this method: a 1 MiB body would drown the report.
const withSummary = (request: FuzzRequest): FuzzRequest =>
  Object.defineProperty(request, fc.toStringMethod, { value: () => summary(request), enumerable: false });

type RawFlaw = (parts: Parts) => FuzzRequest;

/** Wrong at the level of bytes and headers: what no schema describes. */
function rawFlaws(operation: ApiOperation, bodyLimit: number): fc.Arbitrary<RawFlaw> {
  const takesBody = operation.body !== undefined;
  const flaw = (how: string, status?: number): RequestFlaw => ({
    in: 'raw',
    path: '',
    how,
    definite: false,
    ...(takesBody && status !== undefined ? { status } : {}),
  });
  const withBody =
    (how: string, body: string | Buffer, contentType: string | undefined, status?: number): RawFlaw =>
    (parts) => ({
      method: operation.method,
      url: urlOf(operation, parts),
      headers: contentType === undefined ? {} : ({ 'content-type': contentType } as Record<string, string>),
      body,
      flaw: weakened(flaw(how, status), operation, parts),
    });
  const validJson = (parts: Parts) => JSON.stringify(parts.body ?? {});
  const flaws: RawFlaw[] = [
    withBody('truncated JSON', '{"by": "agent-ada",', JSON_TYPE, 400),
    withBody('single-quoted JSON', "{'by': 'agent-ada'}", JSON_TYPE, 400),
    withBody('a trailing comma', '{"by": "agent-ada",}', JSON_TYPE, 400),
    withBody('a NaN literal', '{"amountCents": NaN, "by": "x"}', JSON_TYPE, 400),
    withBody('an empty JSON body', '', JSON_TYPE, 400),
    withBody('null instead of an object', 'null', JSON_TYPE, 400),
    withBody('an array instead of an object', '[{"by": "agent-ada"}]', JSON_TYPE, 400),
    withBody('a string instead of an object', '"by agent-ada"', JSON_TYPE, 400),
    withBody('a number instead of an object', '1e400', JSON_TYPE, 400),
    withBody('200,000 nested arrays', deepJsonText(200_000), JSON_TYPE, 400),
    withBody('invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), JSON_TYPE, 400),
    withBody('__proto__ in the body', '{"__proto__": {"polluted": true}, "by": "x"}', JSON_TYPE, 400),
    withBody('constructor.prototype in the body', '{"constructor": {"prototype": {"x": 1}}}', JSON_TYPE, 400),
    withBody('a body over the limit', `{"description": "${'a'.repeat(bodyLimit)}"}`, JSON_TYPE, 413),
    // Fastify reads text/plain as a string: the route's schema then refuses it (400).
    (parts) => withBody('JSON sent as text/plain', validJson(parts), 'text/plain', 400)(parts),
    (parts) => withBody('a form instead of JSON', 'by=agent-ada', 'application/x-www-form-urlencoded', 415)(parts),
    (parts) => withBody('XML instead of JSON', '<by>agent-ada</by>', 'application/xml', 415)(parts),
    (parts) => withBody('JSON without a content type', validJson(parts), undefined)(parts),
    (parts) => withBody('JSON in UTF-16', validJson(parts), 'application/json; charset=utf-16')(parts),
    (parts) => ({
      ...request(operation, parts),
      url: `${urlOf(operation, parts)}${urlOf(operation, parts).includes('?') ? '&' : '?'}${'q'.repeat(20_000)}=1`,
      flaw: flaw('a request line beyond the header size limit'),
    }),
    (parts) => ({ ...request(operation, parts), url: `${urlOf(operation, parts)}/%ZZ`, flaw: flaw('a bad escape') }),
    (parts) => ({ ...request(operation, parts), url: `${urlOf(operation, parts)}//..//.`, flaw: flaw('dot segments') }),
    (parts) => ({ ...request(operation, parts), method: 'DELETE', flaw: flaw('a method the route lacks') }),
    (parts) => ({
      ...request(operation, parts),
      headers: {
        ...request(operation, parts).headers,
        'x-request-id': 'evil\tid with spaces',
        'x-correlation-id': 'c'.repeat(4000),
        'idempotency-key': 'k\u00e9y \u00ff;,"',
        accept: 'application/xml',
      },
      flaw: flaw('odd ids, idempotency key and accept headers'),
    }),
  ];
  const segments = operation.parameters.filter((parameter) => parameter.in === 'path');
  if (segments.length > 0) {
    for (const raw of ['%', '%E0%A4%A', '%00', '..', '%2e%2e', '%C0%AF']) {
      flaws.push((parts) => ({
        ...request(operation, parts),
        url: urlOf(operation, parts, Object.fromEntries(segments.map((segment) => [segment.name, raw]))),
        flaw: flaw(`a path parameter of ${raw}`),
      }));
    }
  }
  if (operation.parameters.some((parameter) => parameter.in === 'query')) {
    // `?year=2026&year=2027`: the parser makes an array of what the schema wants as one value.
    flaws.push((parts) => ({
      ...request(operation, {
        ...parts,
        query: Object.fromEntries(Object.entries(parts.query).map(([name, value]) => [name, [String(value), 'x']])),
      }),
      flaw: flaw('every query parameter given twice'),
    }));
  }
  return fc.constantFrom(...flaws);
}
