import { describe, expect, it } from 'vitest';
import type { Identity } from './identity.ts';
import { checkRouteAccess, decideRole, decideScope, fieldValue, type RoleAccess } from './route-access.ts';

const client = (...clients: string[]): Identity => ({ via: 'api-key', id: 'k-client', role: 'client', clients });
const system = (name: string): Identity => ({ via: 'api-key', id: 'k-system', role: 'system', system: name });
const agent: Identity = { via: 'jwt', id: 'u-1', role: 'agent' };

const owners: Record<string, string> = { 't-1': 'acme', 't-2': 'globex' };
const ticketOwner = async (ticketId: string) => owners[ticketId];

describe('route declarations', () => {
  it('accepts public and role declarations with the scope they need', () => {
    expect(checkRouteAccess('GET', '/x', 'public')).toBe('public');
    expect(checkRouteAccess('GET', '/x', { roles: ['agent', 'manager'] })).toEqual({ roles: ['agent', 'manager'] });
    expect(
      checkRouteAccess('POST', '/tickets/:ticketId/replies', {
        roles: ['client', 'agent'],
        client: { ticketId: 'params.ticketId' },
      }),
    ).toMatchObject({ client: { ticketId: 'params.ticketId' } });
  });

  it('refuses at start a declaration that cannot be enforced', () => {
    expect(() => checkRouteAccess('GET', '/x', { roles: [] })).toThrow('GET /x: config.access');
    expect(() => checkRouteAccess('GET', '/x', { roles: ['root'] })).toThrow('config.access');
    expect(() => checkRouteAccess('GET', '/x', { roles: ['client'] })).toThrow('must say where its client is');
    expect(() => checkRouteAccess('GET', '/x', { roles: ['agent'], client: 'handler' })).toThrow(
      'only for routes open to clients',
    );
    expect(() => checkRouteAccess('GET', '/x', { roles: ['client'], client: { clientId: 'headers.x' } })).toThrow(
      'expected params.<name>',
    );
    expect(() => checkRouteAccess('POST', '/x', { roles: ['auditor', 'manager'] })).toThrow(
      'auditor role is read-only',
    );
    expect(() => checkRouteAccess('GET,POST', '/x', { roles: ['auditor'] })).toThrow('auditor role is read-only');
    expect(checkRouteAccess('GET', '/audit/x', { roles: ['auditor'] })).toEqual({ roles: ['auditor'] });
    expect(checkRouteAccess('GET,HEAD', '/audit/x', { roles: ['auditor'] })).toEqual({ roles: ['auditor'] });
  });
});

describe('decisions', () => {
  const access: RoleAccess = { roles: ['client', 'manager'], client: { ticketId: 'params.ticketId' } };

  it('lets a listed role through and names the allowed roles otherwise', () => {
    expect(decideRole(client('acme'), access, 'GET /t')).toEqual({ allowed: true });
    expect(decideRole(agent, access, 'GET /t')).toEqual({
      allowed: false,
      detail: 'The agent role may not call GET /t; roles allowed: client, manager.',
    });
  });

  it("holds a client to its own clients' tickets, unknown tickets answered like others' tickets", async () => {
    const scope = (identity: Identity, ticketId: string) =>
      decideScope(identity, access, { params: { ticketId } }, ticketOwner);
    expect(await scope(client('acme'), 't-1')).toEqual({ allowed: true });
    expect(await scope(client('acme', 'globex'), 't-2')).toEqual({ allowed: true });
    const other = await scope(client('acme'), 't-2');
    const unknown = await scope(client('acme'), 't-404');
    expect(other).toMatchObject({ allowed: false, scope: 'client' });
    expect(unknown).toMatchObject({ allowed: false, scope: 'client' });
    expect(await scope({ via: 'jwt', id: 'u-9', role: 'manager' }, 't-2')).toEqual({ allowed: true });
  });

  it('finds the client in the query or the body, and refuses a request that names none', async () => {
    const byQuery: RoleAccess = { roles: ['client'], client: { clientId: 'query.clientId' } };
    const byBody: RoleAccess = { roles: ['client'], client: { clientId: 'body.request.clientId' } };
    expect(await decideScope(client('acme'), byQuery, { query: { clientId: 'acme' } }, undefined)).toEqual({
      allowed: true,
    });
    expect(await decideScope(client('acme'), byQuery, { query: {} }, undefined)).toMatchObject({
      allowed: false,
      detail: "The request names no client (query.clientId), outside this caller's clients.",
    });
    expect(
      await decideScope(client('acme'), byBody, { body: { request: { clientId: 'globex' } } }, undefined),
    ).toMatchObject({ allowed: false, detail: "The request names client globex, outside this caller's clients." });
    expect(await decideScope(client('acme'), { roles: ['client'], client: 'handler' }, {}, undefined)).toEqual({
      allowed: true,
    });
  });

  it('holds a system key to the system it speaks for, where the route names one', async () => {
    const inbound: RoleAccess = { roles: ['system'], system: 'body.source' };
    expect(await decideScope(system('erp'), inbound, { body: { source: 'erp' } }, undefined)).toEqual({
      allowed: true,
    });
    expect(await decideScope(system('erp'), inbound, { body: { source: 'crm' } }, undefined)).toMatchObject({
      allowed: false,
      scope: 'system',
      detail: 'This key speaks for erp; the request names crm.',
    });
    expect(await decideScope(system('erp'), { roles: ['system'] }, {}, undefined)).toEqual({ allowed: true });
  });

  it('reads fields by their dotted path, text only', () => {
    expect(fieldValue({ body: { a: { b: 'x' } } }, 'body.a.b')).toBe('x');
    expect(fieldValue({ body: { a: { b: 3 } } }, 'body.a.b')).toBeUndefined();
    expect(fieldValue({ body: null }, 'body.a')).toBeUndefined();
    expect(fieldValue({ params: { id: '' } }, 'params.id')).toBeUndefined();
  });
});
