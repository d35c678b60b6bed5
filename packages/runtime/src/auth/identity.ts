import { z } from 'zod';

/**
 * Who may call the hotline's API (issue #10): a client sees its own company's tickets only; agents
 * and managers run the hotline; an auditor reads (audit, as-of); a system is an upstream publisher.
 */
export const ROLES = ['client', 'agent', 'manager', 'auditor', 'system'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * The caller a request was authenticated as. `id` is an API key's id (the public part of the key)
 * or a token's subject: what the decision logs name, never a secret.
 */
export interface Identity {
  readonly via: 'api-key' | 'jwt';
  readonly id: string;
  readonly role: Role;
  /** A client's scope: the clients whose tickets, statistics and reports it may see. */
  readonly clients?: readonly string[];
  /** A system's scope: the upstream system it speaks for. */
  readonly system?: string;
  /** Requests per window for this caller, when it has a budget of its own. */
  readonly rateLimit?: number;
}

/** The scope a role needs: clients for a client, a system name for a system, none otherwise. */
export const scopeFields = {
  clients: z.array(z.string().trim().min(1)).min(1).optional().describe('Client ids (role client)'),
  system: z.string().trim().min(1).optional().describe('Upstream system name (role system)'),
};

/** A client without clients, or a system without a name, could only ever be refused: say so early. */
export function scopeProblem(value: { role: Role; clients?: readonly string[]; system?: string }): string | undefined {
  if (value.role === 'client' && value.clients === undefined) return 'a client needs its clients';
  if (value.role !== 'client' && value.clients !== undefined) return 'only a client has clients';
  if (value.role === 'system' && value.system === undefined) return 'a system needs its system name';
  if (value.role !== 'system' && value.system !== undefined) return 'only a system has a system name';
  return undefined;
}
