import { injectTraceHeaders } from '@hotline/runtime';
import type { z } from 'zod';
import type { AnyTopic, MessageHeaders, TopicContract } from '../topic/topic-contract.ts';
import type { OutgoingMessage } from './bus.ts';
import { InvalidMessageError } from './errors.ts';

/** A message as it travels: what both adapters store or send. */
export interface RawMessage {
  key: string;
  value: Buffer;
  headers: MessageHeaders;
  /**
   * The contract this very payload and these headers were checked against when published in this
   * process (the in-process bus keeps it with the message; nothing crosses a broker with it).
   */
  checkedBy?: AnyTopic;
  /**
   * The payload for every group that reads this message in this process (the in-process bus): the
   * contract's copy made when it was checked, or else the first group's decoding. They share it, so
   * none may alter it, as none alters a stored event.
   */
  decoded?: { payload?: unknown };
}

/** A message checked against its topic's contract, its headers with the current trace context. */
export interface CheckedMessage<Payload> {
  key: string;
  /** The contract's own copy of the payload: no one else holds it. */
  payload: Payload;
  headers: MessageHeaders;
}

/** Checks a message against its topic's contract, and adds the current trace context to its headers. */
export function checkMessage<Payload, Headers extends MessageHeaders>(
  topic: TopicContract<Payload, Headers>,
  message: OutgoingMessage<Payload, Headers>,
): CheckedMessage<Payload> {
  if (typeof message.key !== 'string' || message.key.length === 0) {
    throw new InvalidMessageError(topic.name, 'every message needs a non-empty key');
  }
  const payload = topic.payload.safeParse(message.payload);
  if (!payload.success) throw new InvalidMessageError(topic.name, describeIssues(payload.error));
  const headers = injectTraceHeaders({ ...message.headers });
  const checkedHeaders = topic.headers.safeParse(headers);
  if (!checkedHeaders.success)
    throw new InvalidMessageError(topic.name, `headers: ${describeIssues(checkedHeaders.error)}`);
  return { key: message.key, payload: payload.data, headers };
}

/** Checks a message against its topic's contract and encodes it (JSON), with the current trace context. */
export function encodeMessage<Payload, Headers extends MessageHeaders>(
  topic: TopicContract<Payload, Headers>,
  message: OutgoingMessage<Payload, Headers>,
): RawMessage {
  return encodeChecked(checkMessage(topic, message));
}

/** A checked message as it travels: its payload as JSON. */
export function encodeChecked({ key, payload, headers }: CheckedMessage<unknown>): RawMessage {
  return { key, value: Buffer.from(JSON.stringify(payload)), headers };
}

export type Decoded<Payload, Headers> =
  | { ok: true; payload: Payload; headers: Headers }
  | { ok: false; reason: string };

/**
 * Parses a message and checks it against its topic's contract. `checked`: the publisher checked this
 * very message against this very contract in this process, so only the parse is left; the
 * contracts' schemas transform nothing, so checking their own output again would give it back.
 */
export function decodeMessage<Payload, Headers extends MessageHeaders>(
  topic: TopicContract<Payload, Headers>,
  value: Buffer | null,
  headers: MessageHeaders,
  checked = false,
): Decoded<Payload, Headers> {
  if (value === null) return { ok: false, reason: 'the message has no payload (a tombstone)' };
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `the payload is not JSON: ${(error as Error).message}` };
  }
  if (checked) return { ok: true, payload: json as Payload, headers: headers as Headers };
  const payload = topic.payload.safeParse(json);
  if (!payload.success) return { ok: false, reason: `payload: ${describeIssues(payload.error)}` };
  const checkedHeaders = topic.headers.safeParse(headers);
  if (!checkedHeaders.success) return { ok: false, reason: `headers: ${describeIssues(checkedHeaders.error)}` };
  return { ok: true, payload: payload.data, headers: checkedHeaders.data };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`)
    .join('; ');
}
