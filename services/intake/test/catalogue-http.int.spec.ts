import { inboundTopic } from '@hotline/messaging';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, expectProblem, intakeHarness } from './intake-harness.ts';

let harness: Awaited<ReturnType<typeof intakeHarness>>;
beforeEach(async () => {
  harness = await intakeHarness({ sqlite: true });
});
afterEach(async () => {
  await harness.close();
});

const post = (url: string, payload: object, key?: string) => call(harness, 'POST', url, payload, key);
const get = (url: string) => call(harness, 'GET', url);
const manager = { by: 'manager-max' };

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the product catalogue', () => {
  it('launches a product, releases its versions and ends their support', async () => {
    const launched = await post(
      '/products',
      { ...manager, product: 'ERP', name: 'Enterprise Resource Planning' },
      'p-1',
    );
    expect(launched.status).toBe(201);
    expect(
      (await post('/products', { ...manager, product: 'ERP', name: 'Enterprise Resource Planning' }, 'p-1')).status,
    ).toBe(200);
    expectProblem(
      await post('/products', { ...manager, product: 'ERP', name: 'Enterprise Resource Planning' }),
      409,
      'product.already_launched',
    );
    expect((await post('/products/ERP/versions', { ...manager, version: '12.4' })).body.versions).toEqual({
      '12.4': null,
    });
    expectProblem(await post('/products/ERP/versions', { ...manager, version: '12.4' }), 422, 'product.version_exists');
    const ended = await post('/products/ERP/end-of-support', {
      ...manager,
      version: '12.4',
      effectiveOn: '2027-12-31',
    });
    expect(ended.body.versions).toEqual({ '12.4': '2027-12-31' });
    expectProblem(
      await post('/products/ERP/end-of-support', { ...manager, version: '12.4', effectiveOn: '2028-06-30' }),
      409,
      'product.already_end_of_support',
    );
    expect(
      (await post('/products/ERP/end-of-support', { ...manager, effectiveOn: '2030-12-31' })).body.endOfSupport,
    ).toBe('2030-12-31');
    expectProblem(await post('/products/ERP/versions', { ...manager, version: '14.0' }), 422, 'product.end_of_support');
    expectProblem(
      await post('/products/ERP/end-of-support', { ...manager, version: '11.0', effectiveOn: '2027-12-31' }),
      404,
      'product.version_unknown',
    );
    expectProblem(await post('/products/CRM/versions', { ...manager, version: '1.0' }), 404, 'product.not_found');
    expect((await get('/products/ERP')).body).toMatchObject({ product: 'ERP', name: 'Enterprise Resource Planning' });
    expectProblem(await get('/products/CRM'), 404, 'product.not_found');
  });

  it('takes the catalogue in from the upstream systems on support.inbound.v1', async () => {
    const message = (messageId: string, kind: string, payload: object) => ({
      key: 'HR',
      payload: { messageId, source: 'product-management', kind, occurredAt: '2026-05-04T09:00:00+02:00', payload },
    });
    await harness.bus.publish(inboundTopic, [
      message('3b7c1c1e-0d5e-4f3a-9a51-2f3f0b8f7a10', 'product.launched', { product: 'HR', name: 'Payroll', by: 'pm' }),
      message('3b7c1c1e-0d5e-4f3a-9a51-2f3f0b8f7a10', 'product.launched', { product: 'HR', name: 'Payroll', by: 'pm' }),
      message('4c8d2d2f-1e6f-4a4b-8b62-3a4a1c9a8b21', 'product.version_released', {
        product: 'HR',
        version: '1.0',
        by: 'pm',
      }),
      message('5d9e3e30-2f70-4b5c-9c73-4b5b2d0b9c32', 'product.support_ended', {
        product: 'HR',
        effectiveOn: '2030-12-31',
        by: 'pm',
      }),
    ] as never);
    const product = await eventually(async () => {
      const answer = await get('/products/HR');
      return answer.status === 200 && answer.body.endOfSupport !== null ? answer.body : undefined;
    });
    expect(product).toMatchObject({ name: 'Payroll', versions: { '1.0': null }, endOfSupport: '2030-12-31' });
    expect(await harness.store.readStream('product-HR')).toHaveLength(3);
  });
});

describe('trainings and skill transfers', () => {
  const plan = {
    ...manager,
    trainingId: 'TR-1',
    kind: 'skill_transfer',
    product: 'ERP',
    title: 'ERP 13 from the development team',
    attendees: ['agent-ada', 'agent-bob'],
    level: 'confirmed',
    plannedOn: '2026-06-10',
  };

  async function withAgentsAndProduct() {
    await post('/products', { ...manager, product: 'ERP', name: 'Enterprise Resource Planning' });
    for (const agentId of ['agent-ada', 'agent-bob']) {
      await post('/agents', { ...manager, agentId, name: agentId, role: 'agent' });
    }
    await call(harness, 'PUT', '/agents/agent-ada/skills', {
      ...manager,
      skills: [
        { product: 'ERP', level: 'expert' },
        { product: 'CRM', level: 'basic' },
      ],
    });
  }

  it('plans a training, completes it, and the attendees gain the skill dispatch reads', async () => {
    await withAgentsAndProduct();
    const planned = await post('/trainings', plan, 'tr-1');
    expect(planned.status).toBe(201);
    expect(planned.body).toMatchObject({ status: 'planned', planned: ['agent-ada', 'agent-bob'], trained: [] });
    expect((await post('/trainings', plan, 'tr-1')).status).toBe(200);
    expectProblem(await post('/trainings', plan), 409, 'training.already_scheduled');
    expectProblem(
      await post('/trainings', { ...plan, trainingId: 'TR-2', attendees: ['agent-bob', 'agent-bob'] }),
      422,
      'training.duplicate_attendee',
    );

    const done = { ...manager, completedOn: '2026-06-10', occurredAt: '2026-06-10T18:00:00+02:00' };
    const completed = await post('/trainings/TR-1/completion', done, 'done-1');
    expect(completed.body).toMatchObject({
      status: 'completed',
      trained: ['agent-ada', 'agent-bob'],
      completedOn: '2026-06-10',
    });
    expect((await post('/trainings/TR-1/completion', done, 'done-1')).status).toBe(200);
    expectProblem(await post('/trainings/TR-1/completion', done), 409, 'training.already_held');

    await harness.intake.trainingsApplied();
    // Bob learns ERP at the planned level; Ada, already an expert, keeps her level and her other skills.
    expect((await get('/agents/agent-bob')).body.skills).toEqual({ ERP: 'confirmed' });
    expect((await get('/agents/agent-ada')).body.skills).toEqual({ ERP: 'expert', CRM: 'basic' });
    expect((await get('/products/ERP')).body.trainedAgents).toEqual(['agent-ada', 'agent-bob']);
    const bob = await harness.store.readStream('agent-agent-bob');
    expect(bob.at(-1)).toMatchObject({ type: 'SkillsDeclared', data: { trainingId: 'TR-1' } });
  });

  it('applies a completion once, across restarts', async () => {
    await withAgentsAndProduct();
    await post('/trainings', plan);
    await post('/trainings/TR-1/completion', { ...manager, completedOn: '2026-06-11', attendees: ['agent-bob'] });
    await harness.intake.trainingsApplied();
    const before = await harness.store.headPosition();
    await harness.intake.stop();
    await harness.intake.start();
    await harness.intake.trainingsApplied();
    expect(await harness.store.headPosition()).toBe(before);
    expect((await get('/products/ERP')).body.trainedAgents).toEqual(['agent-bob']);
  });

  it('refuses a completion by someone not planned, before the planned day, or of a cancelled training', async () => {
    await post('/trainings', plan);
    expectProblem(
      await post('/trainings/TR-1/completion', { ...manager, completedOn: '2026-06-10', attendees: ['agent-eve'] }),
      422,
      'training.attendee_not_planned',
    );
    expectProblem(
      await post('/trainings/TR-1/completion', { ...manager, completedOn: '2026-06-01' }),
      422,
      'training.completed_before_planned',
    );
    const cancelled = await post('/trainings/TR-1/cancellation', { ...manager, reason: 'Trainer ill' });
    expect(cancelled.body.status).toBe('cancelled');
    expectProblem(
      await post('/trainings/TR-1/completion', { ...manager, completedOn: '2026-06-10' }),
      409,
      'training.cancelled',
    );
    expectProblem(await post('/trainings/TR-9/cancellation', { ...manager, reason: 'x' }), 404, 'training.not_found');
    expectProblem(await get('/trainings/TR-9'), 404, 'training.not_found');
  });
});
