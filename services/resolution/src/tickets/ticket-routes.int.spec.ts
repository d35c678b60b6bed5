import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  after,
  agent,
  expectProblem,
  given,
  otherAgent,
  type Resolution,
  received,
  signContract,
  startResolution,
} from '../../test/resolution-harness.ts';

let resolution: Resolution;
const post = (path: string, body: object) => resolution.send(path, body);
const by = { by: agent };

beforeEach(async () => {
  resolution = await startResolution();
  await signContract(resolution.store);
  await given(resolution.store, received('T-1'));
});
afterEach(() => resolution.close());

async function takenCharge(ticketId = 'T-1') {
  expect((await post(`/tickets/${ticketId}/take-charge`, by)).status).toBe(200);
}

async function resolvedWithAFix(ticketId = 'T-1') {
  await takenCharge(ticketId);
  expect((await post(`/tickets/${ticketId}/fixes`, { ...by, how: 'fix', note: 'Program 12.4.1 sent' })).status).toBe(
    200,
  );
}

async function publishArticle(articleId: string) {
  const body = { ...by, articleId, title: 'Invoices fail to post', body: 'Reopen the period.', products: ['ERP'] };
  expect((await post('/articles', body)).status).toBe(201);
}

describe('taking charge', () => {
  it('acknowledges, qualifies and assigns the ticket, and answers it as it now stands', async () => {
    const response = await post('/tickets/T-1/take-charge', { ...by, assignee: otherAgent });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      ticketId: 'T-1',
      status: 'taken_charge',
      assignee: otherAgent,
      milestones: { takeCharge: after(0) },
      revision: '1',
    });
  });

  it('dates the act when it happened, if the agent says so', async () => {
    const response = await post('/tickets/T-1/take-charge', { ...by, occurredAt: '2026-05-11T10:15:00+02:00' });
    expect(response.body).toMatchObject({ assignee: agent, milestones: { takeCharge: '2026-05-11T10:15:00+02:00' } });
  });

  it('refuses a body without its author, naming the field', async () => {
    const response = await post('/tickets/T-1/take-charge', {});
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'body', path: 'by' })]);
  });

  it('answers 404 for an unknown ticket', async () => {
    const response = await post('/tickets/T-404/take-charge', by);
    expectProblem(response, 404, 'ticket.not_found');
    expect(response.body.instance).toBe('/tickets/T-404/take-charge');
  });

  it('answers 409 to a second take-charge, and writes nothing', async () => {
    await takenCharge();
    expectProblem(await post('/tickets/T-1/take-charge', { by: otherAgent }), 409, 'ticket.already_taken_charge');
    expect(await resolution.store.readStream('ticket-T-1')).toHaveLength(2);
  });

  it('answers 422 for an incomplete request', async () => {
    await given(resolution.store, received('T-2', { version: undefined }));
    expectProblem(await post('/tickets/T-2/take-charge', by), 422, 'ticket.not_receivable');
  });

  it('records a retried request once, by its Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'take-T-1' };
    const first = await resolution.send('/tickets/T-1/take-charge', by, { headers });
    const again = await resolution.send('/tickets/T-1/take-charge', by, { headers });
    expect(again.status).toBe(200);
    expect(again.body.revision).toBe(first.body.revision);
    expect(await resolution.store.readStream('ticket-T-1')).toHaveLength(2);
  });
});

describe('asking the client', () => {
  it('asks for what a received request lacks, which pauses its clock', async () => {
    const response = await post('/tickets/T-1/information-requests', { ...by, missing: ['logs'], message: 'Logs?' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'awaiting_information', missing: ['logs'] });
  });

  it('refuses an information request that names nothing missing', async () => {
    const response = await post('/tickets/T-1/information-requests', { ...by, missing: [] });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'missing' })]);
  });

  it('asks for information only before taking charge', async () => {
    await takenCharge();
    const response = await post('/tickets/T-1/information-requests', { ...by, missing: ['logs'] });
    expectProblem(response, 409, 'ticket.invalid_transition');
  });

  it('asks the client a question while working, which pauses the clock', async () => {
    await takenCharge();
    const response = await post('/tickets/T-1/customer-questions', { ...by, question: 'Which invoice number?' });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('awaiting_customer');
  });

  it('refuses a question without text, and before take-charge', async () => {
    expect((await post('/tickets/T-1/customer-questions', { ...by, question: '  ' })).status).toBe(400);
    expectProblem(await post('/tickets/T-1/customer-questions', { ...by, question: 'Which?' }), 409);
  });

  it('asks nothing of an unknown ticket', async () => {
    expectProblem(
      await post('/tickets/T-404/customer-questions', { ...by, question: 'Which?' }),
      404,
      'ticket.not_found',
    );
  });
});

describe('workarounds', () => {
  it('records the workaround milestone, citing a published article', async () => {
    await publishArticle('KB-7');
    await takenCharge();
    const response = await post('/tickets/T-1/workarounds', { ...by, description: 'Post in April', articleId: 'KB-7' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'workaround_provided', milestones: { workaround: after(0) } });
    const [, , , workaround] = await resolution.store.readStream('ticket-T-1');
    expect(workaround?.data).toMatchObject({ articleId: 'KB-7', description: 'Post in April' });
  });

  it('cites no unknown nor archived article', async () => {
    await takenCharge();
    const unknown = await post('/tickets/T-1/workarounds', { ...by, description: 'Post in April', articleId: 'KB-0' });
    expectProblem(unknown, 404, 'article.not_found');
    await publishArticle('KB-7');
    await post('/articles/KB-7/archive', { ...by, reason: 'Obsolete' });
    const archived = await post('/tickets/T-1/workarounds', { ...by, description: 'Post in April', articleId: 'KB-7' });
    expectProblem(archived, 409, 'article.retired');
  });

  it('refuses a workaround without description, or before take-charge', async () => {
    expectProblem(await post('/tickets/T-1/workarounds', by), 400);
    expectProblem(
      await post('/tickets/T-1/workarounds', { ...by, description: 'x' }),
      409,
      'ticket.invalid_transition',
    );
    expectProblem(await post('/tickets/T-404/workarounds', { ...by, description: 'x' }), 404, 'ticket.not_found');
  });
});

describe('answers', () => {
  it('resolves the ticket with the answer, its kind and the article it comes from', async () => {
    await publishArticle('KB-7');
    await takenCharge();
    const response = await post('/tickets/T-1/answers', {
      ...by,
      kind: 'procedure',
      text: 'Reopen the period, then post again',
      articleId: 'KB-7',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'resolved', milestones: { resolution: after(0) } });
    const resolved = (await resolution.store.readStream('ticket-T-1')).find((event) => event.type === 'TicketResolved');
    expect(resolved?.data).toMatchObject({
      how: 'answer',
      articleId: 'KB-7',
      summary: 'Operating procedure: Reopen the period, then post again',
    });
  });

  it('refuses an unknown kind of answer, naming the field', async () => {
    await takenCharge();
    const response = await post('/tickets/T-1/answers', { ...by, kind: 'guess', text: 'Maybe' });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'kind' })]);
  });

  it('answers neither an unknown ticket, nor a resolved one, nor from an unknown article', async () => {
    const answer = { ...by, kind: 'functional', text: 'Use the export menu' };
    expectProblem(await post('/tickets/T-404/answers', answer), 404, 'ticket.not_found');
    await resolvedWithAFix();
    expectProblem(await post('/tickets/T-1/answers', answer), 409, 'ticket.invalid_transition');
    expectProblem(await post('/tickets/T-1/answers', { ...answer, articleId: 'KB-0' }), 404, 'article.not_found');
  });
});

describe('fixes', () => {
  it('delivers a corrected program with its note', async () => {
    await takenCharge();
    const response = await post('/tickets/T-1/fixes', { ...by, how: 'fix', note: 'Program 12.4.1 sent' });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('resolved');
    const resolved = (await resolution.store.readStream('ticket-T-1')).at(-1);
    expect(resolved?.data).toMatchObject({ how: 'fix', summary: 'Program 12.4.1 sent' });
  });

  it('delivers a released patch by hand', async () => {
    await post('/patches', { by: 'dev-dan', patchId: 'ERP-12.4.1', product: 'ERP', version: '12.4.1', fixes: [] });
    await post('/patches/ERP-12.4.1/release', { by: 'dev-dan' });
    await takenCharge();
    const response = await post('/tickets/T-1/fixes', {
      ...by,
      how: 'patch',
      patchId: 'ERP-12.4.1',
      note: 'Install it',
    });
    expect(response.status).toBe(200);
    const resolved = (await resolution.store.readStream('ticket-T-1')).at(-1);
    expect(resolved?.data).toMatchObject({ how: 'patch', patchId: 'ERP-12.4.1' });
  });

  it('delivers no patch that is unknown or not released yet', async () => {
    await takenCharge();
    const fix = { ...by, how: 'patch', patchId: 'ERP-12.4.1', note: 'Install it' };
    expectProblem(await post('/tickets/T-1/fixes', fix), 404, 'patch.not_found');
    await post('/patches', { by: 'dev-dan', patchId: 'ERP-12.4.1', product: 'ERP', version: '12.4.1', fixes: [] });
    expectProblem(await post('/tickets/T-1/fixes', fix), 409, 'patch.not_released');
  });

  it('requires the patch of a fix by patch, and a note', async () => {
    await takenCharge();
    const withoutPatch = await post('/tickets/T-1/fixes', { ...by, how: 'patch', note: 'Install it' });
    expectProblem(withoutPatch, 400);
    expect(withoutPatch.body.errors).toEqual([expect.objectContaining({ path: 'patchId' })]);
    expectProblem(await post('/tickets/T-1/fixes', { ...by, how: 'fix' }), 400);
  });

  it('fixes neither an unknown ticket nor one not taken charge of', async () => {
    const fix = { ...by, how: 'fix', note: 'Program sent' };
    expectProblem(await post('/tickets/T-404/fixes', fix), 404, 'ticket.not_found');
    expectProblem(await post('/tickets/T-1/fixes', fix), 409, 'ticket.invalid_transition');
  });
});

describe('time and article links', () => {
  it('records time spent, by the agent named or the one recording', async () => {
    await post('/tickets/T-1/time', { ...by, minutes: 30, what: 'Reproduced the issue' });
    const response = await post('/tickets/T-1/time', { ...by, minutes: 15, what: 'Call', agentId: otherAgent });
    expect(response.status).toBe(200);
    expect(response.body.minutesSpent).toBe(45);
  });

  it('records no time that is not a positive number of minutes, nor on an unknown ticket', async () => {
    const response = await post('/tickets/T-1/time', { ...by, minutes: 0, what: 'Nothing' });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'minutes' })]);
    expectProblem(await post('/tickets/T-404/time', { ...by, minutes: 5, what: 'x' }), 404, 'ticket.not_found');
  });

  it('links a published article once', async () => {
    await publishArticle('KB-7');
    const response = await post('/tickets/T-1/articles', { ...by, articleId: 'KB-7' });
    expect(response.status).toBe(200);
    expect(response.body.linkedArticles).toEqual(['KB-7']);
    expectProblem(
      await post('/tickets/T-1/articles', { ...by, articleId: 'KB-7' }),
      409,
      'ticket.article_already_linked',
    );
  });

  it('links no unknown article, nor to an unknown ticket', async () => {
    expectProblem(await post('/tickets/T-1/articles', { ...by, articleId: 'KB-0' }), 404, 'article.not_found');
    await publishArticle('KB-7');
    expectProblem(await post('/tickets/T-404/articles', { ...by, articleId: 'KB-7' }), 404, 'ticket.not_found');
    expectProblem(await post('/tickets/T-1/articles', by), 400);
  });
});

describe('change requests and on-site services', () => {
  it('forwards a change request to development: an evolution, without deadline', async () => {
    const response = await post('/tickets/T-1/change-requests', { ...by, reason: 'Wants a new ledger export' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      nature: 'evolution',
      coverage: { status: 'not_applicable', contractId: null },
    });
    const requalified = (await resolution.store.readStream('ticket-T-1')).at(-1);
    expect(requalified).toMatchObject({ type: 'TicketRequalified', data: { reason: 'Wants a new ledger export' } });
  });

  it('asks for an on-site service: a billable service request', async () => {
    await takenCharge();
    const response = await post('/tickets/T-1/service-requests', { ...by, reason: 'Install the new server on site' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ nature: 'service', coverage: { status: 'not_applicable' } });
  });

  it('forwards once, never a resolved ticket nor an unknown one, and always says why', async () => {
    await post('/tickets/T-1/change-requests', { ...by, reason: 'New export' });
    const twice = await post('/tickets/T-1/change-requests', { ...by, reason: 'New export' });
    expectProblem(twice, 422, 'ticket.nothing_to_requalify');
    expectProblem(await post('/tickets/T-1/change-requests', by), 400);
    expectProblem(await post('/tickets/T-404/service-requests', { ...by, reason: 'x' }), 404, 'ticket.not_found');
    await given(resolution.store, received('T-2'));
    await resolvedWithAFix('T-2');
    expectProblem(await post('/tickets/T-2/service-requests', { ...by, reason: 'x' }), 409, 'ticket.not_open');
  });
});

describe('the documentation', () => {
  it('lists the routes under the resolution tag', async () => {
    const { body } = await resolution.send('/docs/json');
    const operation = body.paths?.['/tickets/{ticketId}/take-charge']?.post;
    expect(operation?.tags).toEqual(['resolution']);
    expect(Object.keys(body.paths ?? {})).toEqual(
      expect.arrayContaining(['/articles', '/articles/{articleId}/archive', '/patches/{patchId}/release']),
    );
  });
});
