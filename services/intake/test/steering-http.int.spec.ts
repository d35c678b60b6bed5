import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, expectProblem, intakeHarness } from './intake-harness.ts';

let harness: Awaited<ReturnType<typeof intakeHarness>>;
beforeEach(async () => {
  harness = await intakeHarness({ sqlite: true });
});
afterEach(async () => {
  await harness.close();
});

const send = (method: 'POST' | 'PUT' | 'GET', url: string, payload?: object, key?: string) =>
  call(harness, method, url, payload, key);
const post = (url: string, payload: object, key?: string) => send('POST', url, payload, key);

const manager = { by: 'manager-max' };

describe('annual objectives and budget', () => {
  const objectives = {
    ...manager,
    targets: [
      { indicator: 'malfunctions', priority: 'P1', value: 95 },
      { indicator: 'productionOverrunDays', value: 20 },
      { indicator: 'productionOverThirtyDays', value: 0 },
    ],
    penaltyBudgetCents: 1_500_000,
    occurredAt: '2025-12-15T10:00:00+01:00',
  };

  it('sets the objectives of a year, reads them back, and revises them', async () => {
    const set = await send('PUT', '/objectives/2026', objectives, 'obj-1');
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ year: 2026, penaltyBudgetCents: 1_500_000, setBy: 'manager-max', revision: '0' });
    expect((await send('GET', '/objectives/2026')).body).toEqual(set.body);
    // The same request retried records nothing new; the same values sent again are refused.
    expect((await send('PUT', '/objectives/2026', objectives, 'obj-1')).body).toEqual(set.body);
    expectProblem(await send('PUT', '/objectives/2026', objectives, 'obj-2'), 422, 'objectives.unchanged');
    const revised = await send('PUT', '/objectives/2026', { ...objectives, penaltyBudgetCents: 1_000_000 }, 'obj-3');
    expect(revised.body).toMatchObject({ penaltyBudgetCents: 1_000_000, revision: '1' });
  });

  it('refuses a past year, a rate over 100% and a target twice, and answers 404 for a year never set', async () => {
    expectProblem(
      await send('PUT', '/objectives/2025', { ...objectives, occurredAt: '2026-01-05T10:00:00+01:00' }),
      422,
      'objectives.year_over',
    );
    expectProblem(
      await send('PUT', '/objectives/2026', { ...objectives, targets: [{ indicator: 'functional', value: 120 }] }),
      422,
      'objectives.invalid_target',
    );
    const twice = [objectives.targets[0], { ...objectives.targets[0], value: 90 }];
    expectProblem(
      await send('PUT', '/objectives/2026', { ...objectives, targets: twice }),
      422,
      'objectives.duplicate_target',
    );
    expectProblem(await send('GET', '/objectives/2027'), 404, 'objectives.not_found');
    const malformed = await send('PUT', '/objectives/2026', { ...objectives, penaltyBudgetCents: 12.5 });
    expect(malformed.status).toBe(400);
  });
});

describe('client context and reviews', () => {
  const migration = { ...manager, kind: 'migration', reason: 'Moving to ERP 13', from: '2026-06-01', to: '2026-09-30' };

  it('flags a context with its reason and dates, and clears it', async () => {
    const flagged = await post('/clients/ACME/context', migration, 'ctx-1');
    expect(flagged.status).toBe(200);
    expect(flagged.body.contexts).toEqual({
      migration: { reason: 'Moving to ERP 13', from: '2026-06-01', to: '2026-09-30' },
    });
    expect((await post('/clients/ACME/context', migration, 'ctx-1')).body).toEqual(flagged.body);
    expectProblem(await post('/clients/ACME/context', migration), 409, 'client.context_already_flagged');
    expectProblem(
      await post('/clients/ACME/context', { ...migration, kind: 'sensitive', to: '2026-05-01' }),
      422,
      'client.context_period_invalid',
    );
    const cleared = await post('/clients/ACME/context/migration/clearance', { ...manager, reason: 'Migrated' });
    expect(cleared.body.contexts).toEqual({});
    expectProblem(await post('/clients/ACME/context/migration/clearance', manager), 422, 'client.context_not_flagged');
    expect((await send('GET', '/clients/ACME')).body).toMatchObject({ clientId: 'ACME', revision: '1' });
    expectProblem(await send('GET', '/clients/NOBODY'), 404, 'client.not_found');
  });

  it('schedules reviews on request or because of a context, and records their minutes and actions', async () => {
    const asked = {
      ...manager,
      reviewId: 'R-1',
      scheduledFor: '2026-06-15T10:00:00+02:00',
      requestedBy: 'client',
      period: { from: '2026-01-01', to: '2026-05-31' },
      agenda: 'Backlog of the first half',
    };
    const scheduled = await post('/clients/ACME/reviews', asked, 'rev-1');
    expect(scheduled.status).toBe(201);
    expect(scheduled.body.reviews).toEqual({ 'R-1': 'scheduled' });
    expect((await post('/clients/ACME/reviews', asked, 'rev-1')).status).toBe(200);
    expectProblem(await post('/clients/ACME/reviews', asked), 409, 'client.review_already_scheduled');
    const forContext = { ...asked, reviewId: 'R-2', requestedBy: 'context', context: 'migration', period: undefined };
    expectProblem(await post('/clients/ACME/reviews', forContext), 422, 'client.review_context_not_flagged');
    await post('/clients/ACME/context', migration);
    expect((await post('/clients/ACME/reviews', forContext)).status).toBe(201);
    expectProblem(
      await post('/clients/ACME/reviews', { ...forContext, reviewId: 'R-3', requestedBy: 'client' }),
      422,
      'client.review_reason_invalid',
    );
    expectProblem(
      await post('/clients/ACME/reviews', {
        ...asked,
        reviewId: 'R-4',
        period: { from: '2026-05-31', to: '2026-01-01' },
      }),
      422,
      'client.review_period_invalid',
    );

    const minutes = {
      ...manager,
      notes: 'Backlog reviewed; the migration worries the client',
      actions: [{ description: 'Train two agents on ERP 13', owner: 'manager-max', dueOn: '2026-07-01' }],
      attendees: ['manager-max', 'contact-cleo'],
    };
    const held = await post('/clients/ACME/reviews/R-1/minutes', minutes, 'min-1');
    expect(held.status).toBe(200);
    expect(held.body.reviews).toMatchObject({ 'R-1': 'held', 'R-2': 'scheduled' });
    expect((await post('/clients/ACME/reviews/R-1/minutes', minutes, 'min-1')).status).toBe(200);
    expectProblem(await post('/clients/ACME/reviews/R-1/minutes', minutes), 409, 'client.review_already_held');
    expectProblem(await post('/clients/ACME/reviews/R-9/minutes', minutes), 422, 'client.review_not_scheduled');
    const [event] = (await harness.store.readStream('client-ACME')).filter((e) => e.type === 'ClientReviewHeld');
    expect(event?.data).toMatchObject({ actions: minutes.actions, attendees: minutes.attendees });
  });

  it('closes an action decided at a review once, done or dropped with the reason', async () => {
    const review = { ...manager, reviewId: 'R-1', scheduledFor: '2026-06-15T10:00:00+02:00' };
    const actions = [{ description: 'Train two agents on ERP 13' }, { description: 'Send the backlog weekly' }];
    await post('/clients/ACME/reviews', review);
    const action = (index: number) => `/clients/ACME/reviews/R-1/actions/${index}/completion`;
    expectProblem(await post(action(0), { ...manager, outcome: 'done' }), 422, 'client.review_action_unknown');
    await post('/clients/ACME/reviews/R-1/minutes', { ...manager, notes: 'Backlog reviewed', actions });

    const done = await post(action(0), { ...manager, outcome: 'done' }, 'act-1');
    expect(done.status).toBe(200);
    expect(done.body.actions).toEqual({ 'R-1': ['done', 'open'] });
    // The same request retried records nothing new; another one finds the action closed.
    expect((await post(action(0), { ...manager, outcome: 'done' }, 'act-1')).body).toEqual(done.body);
    expectProblem(
      await post(action(0), { ...manager, outcome: 'dropped', note: 'late' }),
      409,
      'client.review_action_already_closed',
    );
    expectProblem(
      await post(action(1), { ...manager, outcome: 'dropped' }),
      422,
      'client.review_action_reason_missing',
    );
    expectProblem(await post(action(2), { ...manager, outcome: 'done' }), 422, 'client.review_action_unknown');
    expectProblem(
      await post('/clients/ACME/reviews/R-9/actions/0/completion', { ...manager, outcome: 'done' }),
      422,
      'client.review_action_unknown',
    );
    expect((await post(action(1), { ...manager, outcome: 'maybe' })).status).toBe(400);
    expect(
      (await post('/clients/ACME/reviews/R-1/actions/first/completion', { ...manager, outcome: 'done' })).status,
    ).toBe(400);

    const dropped = await post(action(1), { ...manager, outcome: 'dropped', note: 'The client stopped it' });
    expect(dropped.body.actions).toEqual({ 'R-1': ['done', 'dropped'] });
    const closings = (await harness.store.readStream('client-ACME')).filter((e) => e.type === 'ReviewActionCompleted');
    expect(closings.map((e) => e.data)).toMatchObject([
      { reviewId: 'R-1', action: 0, outcome: 'done', by: 'manager-max' },
      { reviewId: 'R-1', action: 1, outcome: 'dropped', note: 'The client stopped it' },
    ]);
  });
});

describe('the OpenAPI document', () => {
  it('describes the steering routes from their zod schemas', async () => {
    const document = await call(harness, 'GET', '/docs/json');
    expect(document.status).toBe(200);
    const paths = Object.keys(document.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/objectives/{year}',
        '/clients/{clientId}/context',
        '/clients/{clientId}/context/{kind}/clearance',
        '/clients/{clientId}/reviews',
        '/clients/{clientId}/reviews/{reviewId}/minutes',
        '/clients/{clientId}/reviews/{reviewId}/actions/{action}/completion',
        '/clients/{clientId}/price-lists',
        '/clients/{clientId}/on-site-services',
        '/clients/{clientId}/billing',
        '/products',
        '/products/{product}/versions',
        '/products/{product}/end-of-support',
        '/trainings',
        '/trainings/{trainingId}/completion',
        '/trainings/{trainingId}/cancellation',
      ]),
    );
    const onSite = document.body.paths['/clients/{clientId}/on-site-services'].post;
    expect(JSON.stringify(onSite.requestBody)).toContain('serviceId');
  });
});
