import { z } from 'zod';
import { type Identity, ROLES, Role } from './identity.ts';

/** Where a route finds a value: `params.ticketId`, `query.clientId`, `body.request.clientId`. */
const RequestField = z
  .string()
  .regex(/^(params|query|body)(\.[A-Za-z0-9_-]+)+$/, 'expected params.<name>, query.<name> or body.<path>');

/**
 * Who may call a route, declared beside it in `config.access`:
 *
 *   { access: 'public' }
 *   { access: { roles: ['agent', 'manager'] } }
 *   { access: { roles: ['client', 'agent', 'manager'], client: { ticketId: 'params.ticketId' } } }
 *   { access: { roles: ['client', 'manager'], client: { clientId: 'query.clientId' } } }
 *   { access: { roles: ['system'], system: 'body.source' } }
 *
 * A client is let through only to its own clients' data: the route says where its target client
 * is (a client id, or a ticket id the ticket-owner port resolves), or `'handler'` when the handler
 * itself filters by `request.identity.clients` (a list of the caller's tickets).
 */
export const RouteAccess = z.union([
  z.literal('public'),
  z
    .strictObject({
      roles: z.array(Role).min(1),
      client: z
        .union([
          z.strictObject({ clientId: RequestField }),
          z.strictObject({ ticketId: RequestField }),
          z.literal('handler'),
        ])
        .optional(),
      system: RequestField.optional().describe('Where the route finds the upstream system a system key must match'),
    })
    .superRefine((access, ctx) => {
      if (access.roles.includes('client') && access.client === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'a route open to clients must say where its client is',
          path: ['client'],
        });
      }
      if (!access.roles.includes('client') && access.client !== undefined) {
        ctx.addIssue({ code: 'custom', message: 'client is only for routes open to clients', path: ['client'] });
      }
      if (!access.roles.includes('system') && access.system !== undefined) {
        ctx.addIssue({ code: 'custom', message: 'system is only for routes open to systems', path: ['system'] });
      }
    }),
]);
export type RouteAccess = z.infer<typeof RouteAccess>;
export type RoleAccess = Exclude<RouteAccess, 'public'>;

/** An undeclared route is the manager's only, until the route-by-route pass declares it. */
export const UNDECLARED: RoleAccess = { roles: ['manager'] };

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A declaration checked when its route is added, so a mistake stops the process at start rather
 * than opening or closing a route at run time. The auditor only reads (issue #10), so a route that
 * writes cannot name it.
 */
/** `method` as a route names it: `GET`, or several joined by commas (`GET,HEAD`). */
export function checkRouteAccess(method: string, url: string, declared: unknown): RouteAccess {
  const parsed = RouteAccess.safeParse(declared);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${method} ${url}: config.access: ${issue?.path.join('.') || 'value'}: ${issue?.message}`);
  }
  const access = parsed.data;
  const writes = method.split(',').some((each) => !READ_METHODS.has(each));
  if (access !== 'public' && access.roles.includes('auditor') && writes) {
    throw new Error(`${method} ${url}: config.access: the auditor role is read-only`);
  }
  return access;
}

export type RoleDecision = { readonly allowed: true } | { readonly allowed: false; readonly detail: string };

export function decideRole(identity: Identity, access: RoleAccess, route: string): RoleDecision {
  if (access.roles.includes(identity.role)) return { allowed: true };
  const allowed = ROLES.filter((role) => access.roles.includes(role)).join(', ');
  return { allowed: false, detail: `The ${identity.role} role may not call ${route}; roles allowed: ${allowed}.` };
}

export interface RequestParts {
  readonly params?: unknown;
  readonly query?: unknown;
  readonly body?: unknown;
}

/** The value at `params.ticketId`, `body.request.clientId`…; undefined when absent or not text. */
export function fieldValue(parts: RequestParts, field: string): string | undefined {
  const [part, ...path] = field.split('.');
  let value: unknown = parts[part as keyof RequestParts];
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Resolves a ticket to the client it belongs to; undefined when there is no such ticket. */
export type TicketOwner = (ticketId: string) => Promise<string | undefined>;

export type ScopeDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly scope: 'client' | 'system'; readonly detail: string };

/**
 * A client's or a system's request is held to its scope. An unknown ticket and another client's
 * ticket get the same answer, so a client cannot learn which ticket ids exist.
 */
export async function decideScope(
  identity: Identity,
  access: RoleAccess,
  parts: RequestParts,
  ticketOwner: TicketOwner | undefined,
): Promise<ScopeDecision> {
  if (identity.role === 'client') return decideClientScope(identity.clients ?? [], access.client, parts, ticketOwner);
  if (identity.role === 'system' && access.system !== undefined) {
    const named = fieldValue(parts, access.system);
    if (named !== identity.system) {
      return {
        allowed: false,
        scope: 'system',
        detail: `This key speaks for ${identity.system}; the request names ${named === undefined ? 'no system' : named}.`,
      };
    }
  }
  return { allowed: true };
}

async function decideClientScope(
  clients: readonly string[],
  target: RoleAccess['client'],
  parts: RequestParts,
  ticketOwner: TicketOwner | undefined,
): Promise<ScopeDecision> {
  if (target === undefined || target === 'handler') return { allowed: true };
  if ('clientId' in target) {
    const clientId = fieldValue(parts, target.clientId);
    if (clientId !== undefined && clients.includes(clientId)) return { allowed: true };
    const named = clientId === undefined ? `no client (${target.clientId})` : `client ${clientId}`;
    return { allowed: false, scope: 'client', detail: `The request names ${named}, outside this caller's clients.` };
  }
  const ticketId = fieldValue(parts, target.ticketId);
  if (ticketId === undefined) {
    return { allowed: false, scope: 'client', detail: `The request names no ticket (${target.ticketId}).` };
  }
  if (ticketOwner === undefined) throw new Error('a client-scoped route by ticket needs the ticket-owner port');
  const owner = await ticketOwner(ticketId);
  if (owner !== undefined && clients.includes(owner)) return { allowed: true };
  return {
    allowed: false,
    scope: 'client',
    detail: `Ticket ${ticketId} is not one of this caller's clients' tickets.`,
  };
}
