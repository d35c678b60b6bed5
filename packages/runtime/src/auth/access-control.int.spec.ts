import { afterEach, describe, expect, it } from 'vitest';
import { accessOptions, addTestRoutes, keyring, token } from '../../test/support/access-fixtures.ts';
import { testServer } from '../../test/support/test-server.ts';
import type { HttpServer } from '../http/http-server.ts';
import type { AccessControlOptions } from './access-control.ts';
import type { Role } from './identity.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function start(access: AccessControlOptions | 'off', more: (app: HttpServer) => void = () => {}) {
  const server = await testServer(access === 'off' ? {} : { access });
  addTestRoutes(server.app);
  more(server.app);
  await server.app.ready();
  close = () => server.app.close();
  return server;
}

// A fresh key set per server would not match these texts: the fixtures' directory is rebuilt from them.
const { texts, ids, directory } = keyring();
const withKeys = () => accessOptions({ apiKeys: directory });

interface Call {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly payload?: object;
}

const calls: Record<string, Call> = {
  ownTicket: { method: 'GET', url: '/tickets/t-acme' },
  otherTicket: { method: 'GET', url: '/tickets/t-globex' },
  unknownTicket: { method: 'GET', url: '/tickets/t-404' },
  submitOwn: { method: 'POST', url: '/tickets', payload: { clientId: 'acme', description: 'Export fails' } },
  submitOther: { method: 'POST', url: '/tickets', payload: { clientId: 'globex', description: 'Export fails' } },
  ownReport: { method: 'GET', url: '/reports/tickets?clientId=acme' },
  otherReport: { method: 'GET', url: '/reports/tickets?clientId=globex' },
  allReports: { method: 'GET', url: '/reports/tickets' },
  inboundOwn: { method: 'POST', url: '/inbound', payload: { source: 'erp' } },
  inboundOther: { method: 'POST', url: '/inbound', payload: { source: 'crm' } },
  audit: { method: 'GET', url: '/audit/verify' },
  undeclared: { method: 'GET', url: '/triage/rules' },
};

// What each role gets on each call: the policy of the test routes, scope included.
const expected: Record<Role, Record<keyof typeof calls, number>> = {
  client: {
    ownTicket: 200,
    otherTicket: 403,
    unknownTicket: 403,
    submitOwn: 200,
    submitOther: 403,
    ownReport: 200,
    otherReport: 403,
    allReports: 403,
    inboundOwn: 403,
    inboundOther: 403,
    audit: 403,
    undeclared: 403,
  },
  agent: {
    ownTicket: 200,
    otherTicket: 200,
    unknownTicket: 200,
    submitOwn: 200,
    submitOther: 200,
    ownReport: 403,
    otherReport: 403,
    allReports: 403,
    inboundOwn: 403,
    inboundOther: 403,
    audit: 403,
    undeclared: 403,
  },
  manager: {
    ownTicket: 200,
    otherTicket: 200,
    unknownTicket: 200,
    submitOwn: 200,
    submitOther: 200,
    ownReport: 200,
    otherReport: 200,
    allReports: 200,
    inboundOwn: 403,
    inboundOther: 403,
    audit: 200,
    undeclared: 200,
  },
  auditor: {
    ownTicket: 200,
    otherTicket: 200,
    unknownTicket: 200,
    submitOwn: 403,
    submitOther: 403,
    ownReport: 200,
    otherReport: 200,
    allReports: 200,
    inboundOwn: 403,
    inboundOther: 403,
    audit: 200,
    undeclared: 403,
  },
  system: {
    ownTicket: 403,
    otherTicket: 403,
    unknownTicket: 403,
    submitOwn: 403,
    submitOther: 403,
    ownReport: 403,
    otherReport: 403,
    allReports: 403,
    inboundOwn: 200,
    inboundOther: 403,
    audit: 403,
    undeclared: 403,
  },
};

describe('access control on', () => {
  it('gives every role what its routes declare, by API key and by token alike', async () => {
    const { app } = await start(withKeys());
    const tokens: Record<Role, string> = {
      client: await token({ role: 'client', clients: ['acme'] }),
      agent: await token({ role: 'agent' }),
      manager: await token({ role: 'manager' }),
      auditor: await token({ role: 'auditor' }),
      system: await token({ role: 'system', system: 'erp' }),
    };
    for (const role of Object.keys(expected) as Role[]) {
      for (const [name, call] of Object.entries(calls)) {
        const byKey = await app.inject({ ...call, headers: { 'x-api-key': texts[role] } });
        const byToken = await app.inject({ ...call, headers: { authorization: `Bearer ${tokens[role]}` } });
        const want = expected[role][name as keyof typeof calls];
        expect([role, name, 'key', byKey.statusCode]).toEqual([role, name, 'key', want]);
        expect([role, name, 'token', byToken.statusCode]).toEqual([role, name, 'token', want]);
      }
    }
  });

  it('answers 401 with a challenge and a problem document without credentials or with wrong ones', async () => {
    const { app } = await start(withKeys());
    const none = await app.inject({ method: 'GET', url: '/audit/verify' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="hotline"');
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.json()).toMatchObject({
      type: 'urn:hotline:problem:access.unauthenticated',
      status: 401,
      code: 'access.unauthenticated',
      instance: '/audit/verify',
    });
    const forged = `${texts.manager.slice(0, -4)}AAAA`;
    for (const headers of [
      { 'x-api-key': forged },
      { authorization: `Bearer ${forged}` },
      { authorization: 'Basic bWFuYWdlcjpwdw==' },
      { 'x-api-key': texts.manager, authorization: `Bearer ${texts.manager}` },
    ]) {
      const refused = await app.inject({ method: 'GET', url: '/audit/verify', headers });
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['www-authenticate']).toMatch(/^Bearer realm="hotline", error="invalid_token"/);
      expect(refused.json()).toMatchObject({ code: 'access.invalid_credentials' });
    }
  });

  it('refuses an expired token as expired, and a token signed with another key', async () => {
    const { app } = await start(withKeys());
    const expired = await token({ role: 'manager' }, Math.floor(Date.now() / 1000) - 60);
    const response = await app.inject({
      method: 'GET',
      url: '/audit/verify',
      headers: { authorization: `Bearer ${expired}` },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe(
      'Bearer realm="hotline", error="invalid_token", error_description="the token has expired"',
    );
    const forged = await token({ role: 'manager' }, '5m', 'not-the-dashboard-secret-but-long!');
    const bad = await app.inject({
      method: 'GET',
      url: '/audit/verify',
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ detail: 'The credentials were refused: bad signature.' });
  });

  it('names the missing role or the scope in its 403', async () => {
    const { app } = await start(withKeys());
    const role = await app.inject({ method: 'GET', url: '/audit/verify', headers: { 'x-api-key': texts.agent } });
    expect(role.json()).toMatchObject({
      type: 'urn:hotline:problem:access.role_refused',
      status: 403,
      role: 'agent',
      allowedRoles: ['auditor', 'manager'],
      detail: 'The agent role may not call GET /audit/verify; roles allowed: manager, auditor.',
    });
    const scope = await app.inject({ method: 'GET', url: '/tickets/t-globex', headers: { 'x-api-key': texts.client } });
    expect(scope.json()).toMatchObject({
      type: 'urn:hotline:problem:access.out_of_scope',
      scope: 'client',
      detail: "Ticket t-globex is not one of this caller's clients' tickets.",
    });
  });

  it('refuses a body naming another client before the handler runs', async () => {
    let handled = 0;
    const { app } = await start(withKeys(), (server) =>
      server.post(
        '/complaints',
        { config: { access: { roles: ['client'], client: { clientId: 'body.clientId' } } } },
        async () => {
          handled += 1;
          return {};
        },
      ),
    );
    const response = await app.inject({
      method: 'POST',
      url: '/complaints',
      headers: { 'x-api-key': texts.client },
      payload: { clientId: 'globex' },
    });
    expect(response.statusCode).toBe(403);
    expect(handled).toBe(0);
  });

  it('leaves health, readiness, metrics and the OpenAPI document public', async () => {
    const { app } = await start(withKeys());
    for (const url of ['/healthz', '/readyz', '/metrics', '/docs/json', '/docs']) {
      const response = await app.inject({ method: 'GET', url });
      expect([url, response.statusCode < 400]).toEqual([url, true]);
    }
  });

  it('closes the default public paths an operator leaves out', async () => {
    const { app } = await start(accessOptions({ apiKeys: directory, publicPaths: ['/healthz'] }));
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/metrics', headers: { 'x-api-key': texts.agent } })).statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: 'GET', url: '/metrics', headers: { 'x-api-key': texts.manager } })).statusCode,
    ).toBe(200);
  });

  it("documents each operation's access (x-access) and the security schemes in the OpenAPI document", async () => {
    const { app } = await start(withKeys());
    const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(document.components.securitySchemes).toMatchObject({
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      bearer: { type: 'http', scheme: 'bearer' },
    });
    expect(document.paths['/tickets/{ticketId}'].get).toMatchObject({
      'x-access': { roles: ['client', 'agent', 'manager', 'auditor'], client: { ticketId: 'params.ticketId' } },
      security: [{ apiKey: [] }, { bearer: [] }],
    });
    expect(document.paths['/triage/rules'].get['x-access']).toEqual({ roles: ['manager'], undeclared: true });
  });

  it('lists the undeclared routes at start: the managers only may call them', async () => {
    const { logs } = await start(withKeys());
    const line = logs.find((entry) => entry.msg === 'routes without an access declaration: managers only');
    expect(line).toMatchObject({ level: 'warn', access: { undeclared: ['GET /triage/rules'] } });
    expect(logs.some((entry) => String(entry.msg).startsWith('access control is off'))).toBe(false);
  });

  it('logs each decision with the key id or subject, role, route and outcome, and never a secret', async () => {
    const { app, logs } = await start(withKeys());
    const managerToken = await token({ role: 'manager', sub: 'u-77' });
    await app.inject({ method: 'GET', url: '/tickets/t-acme', headers: { 'x-api-key': texts.client } });
    await app.inject({ method: 'GET', url: '/tickets/t-globex', headers: { 'x-api-key': texts.client } });
    await app.inject({ method: 'GET', url: '/audit/verify', headers: { authorization: `Bearer ${managerToken}` } });
    await app.inject({ method: 'GET', url: '/audit/verify', headers: { 'x-api-key': `${texts.agent.slice(0, -1)}Z` } });
    const decisions = logs.filter((line) => line.access !== undefined && (line.access as { outcome?: string }).outcome);
    expect(decisions.map((line) => line.access)).toEqual([
      { outcome: 'allowed', route: 'GET /tickets/:ticketId', via: 'api-key', id: ids.client, role: 'client' },
      {
        outcome: 'refused',
        route: 'GET /tickets/:ticketId',
        status: 403,
        code: 'access.out_of_scope',
        via: 'api-key',
        id: ids.client,
        role: 'client',
      },
      { outcome: 'allowed', route: 'GET /audit/verify', via: 'jwt', id: 'u-77', role: 'manager' },
      {
        outcome: 'refused',
        route: 'GET /audit/verify',
        status: 401,
        code: 'access.invalid_credentials',
        reason: 'unknown or revoked API key',
        id: ids.agent,
      },
    ]);
    expect(decisions.every((line) => typeof line.requestId === 'string')).toBe(true);
    const everything = JSON.stringify(logs);
    for (const secret of [texts.client.slice(20), texts.agent.slice(20), managerToken, managerToken.split('.')[2]]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('refuses at start a client route by ticket when no ticket-owner port was given', async () => {
    const { ticketOwner: _ticketOwner, ...withoutOwner } = withKeys();
    const { app } = await testServer({ access: withoutOwner });
    close = () => app.close();
    expect(() =>
      app.get(
        '/tickets/:ticketId',
        { config: { access: { roles: ['client'], client: { ticketId: 'params.ticketId' } } } },
        async () => ({}),
      ),
    ).toThrow('GET /tickets/:ticketId: a client scope by ticket needs the ticket-owner port');
  });
});

describe('access control off (AUTH=off)', () => {
  it('leaves every route open, warns that it is off, and still lists the undeclared ones', async () => {
    const { app, logs } = await start('off');
    for (const call of Object.values(calls)) {
      const response = await app.inject(call);
      expect([call.url, response.statusCode]).toEqual([call.url, 200]);
    }
    expect(
      logs.find((entry) => entry.msg === 'access control is off (AUTH=off): every route answers anyone'),
    ).toMatchObject({ level: 'warn' });
    expect(
      logs.find((entry) => entry.msg === 'routes without an access declaration (access control is off)'),
    ).toMatchObject({
      level: 'info',
      access: { undeclared: ['GET /triage/rules'] },
    });
  });

  it('documents the declarations without security schemes', async () => {
    const { app } = await start('off');
    const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(document.components.securitySchemes).toBeUndefined();
    expect(document.paths['/audit/verify'].get['x-access']).toEqual({ roles: ['auditor', 'manager'] });
    expect(document.paths['/audit/verify'].get.security).toBeUndefined();
  });

  it('still refuses a declaration that cannot be enforced', async () => {
    const { app } = await testServer();
    close = () => app.close();
    expect(() => app.post('/x', { config: { access: { roles: ['auditor'] } } }, async () => ({}))).toThrow(
      'the auditor role is read-only',
    );
  });
});
