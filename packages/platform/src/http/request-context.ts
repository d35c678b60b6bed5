import type { CommandContext } from '@hotline/eventstore';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../clock/clock.ts';

/** Fields every command body may carry: who acts, and when it happened if not now. */
export const CommandBodyBase = {
  by: z.string().trim().min(1).describe('Who acts: an agent, a manager, a client contact or a system'),
  occurredAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('When it happened, if not now (an upstream system replaying its history, a late entry)'),
};

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/**
 * The command's identity: the client's Idempotency-Key when given (a retried request then records
 * nothing new), the request id otherwise; the correlation id follows the request.
 */
export function commandContextOf(request: FastifyRequest, actor: string, scope: string): CommandContext {
  const key = request.headers[IDEMPOTENCY_KEY_HEADER];
  const commandId = typeof key === 'string' && key.length > 0 ? `${scope}:${key}` : `${scope}:${request.id}`;
  const correlation = (request as FastifyRequest & { correlationId?: string }).correlationId;
  return { commandId, actor, ...(correlation === undefined ? {} : { correlationId: correlation }) };
}

/** The instant a command happened: the one the caller gave, or the clock's now. */
export function occurredAt(given: string | undefined, clock: Clock): string {
  return given ?? new Date(clock.now()).toISOString();
}
