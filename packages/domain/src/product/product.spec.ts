import { describe, expect, it } from 'vitest';
import { specify } from '../../test/given-when-then.ts';
import { ProductCommand } from './product-commands.ts';
import { productDecider } from './product-decider.ts';
import { ProductEvent, productEvent } from './product-events.ts';

const { given } = specify(productDecider, { commands: ProductCommand, events: ProductEvent });
const ids = { product: 'ERP', by: 'manager-max', at: '2026-01-05T09:00:00+01:00' };
const launched = productEvent('ProductLaunched', { ...ids, name: 'Enterprise Resource Planning' });
const v12 = productEvent('ProductVersionReleased', { ...ids, version: '12.4' });

describe('products', () => {
  it('a product is launched once', () => {
    given([])
      .when({ type: 'LaunchProduct', ...ids, name: 'Enterprise Resource Planning' })
      .then([launched]);
    given([launched])
      .when({ type: 'LaunchProduct', ...ids, name: 'Enterprise Resource Planning' })
      .thenRefused('product.already_launched');
  });

  it('a version is released once, on a launched product', () => {
    given([launched])
      .when({ type: 'ReleaseProductVersion', ...ids, version: '12.4' })
      .then([v12]);
    given([launched, v12])
      .when({ type: 'ReleaseProductVersion', ...ids, version: '12.4' })
      .thenRefused('product.version_exists');
    given([])
      .when({ type: 'ReleaseProductVersion', ...ids, version: '12.4' })
      .thenRefused('product.not_found');
  });

  it('support ends for a released version only, once', () => {
    const end = { ...ids, version: '12.4', effectiveOn: '2027-12-31' };
    given([launched, v12])
      .when({ type: 'EndProductSupport', ...end })
      .then([productEvent('ProductEndOfSupport', end)]);
    given([launched])
      .when({ type: 'EndProductSupport', ...end })
      .thenRefused('product.version_unknown');
    given([launched, v12, productEvent('ProductEndOfSupport', end)])
      .when({ type: 'EndProductSupport', ...end })
      .thenRefused('product.already_end_of_support');
  });

  it('no new version once the product is out of support', () => {
    const end = productEvent('ProductEndOfSupport', { ...ids, effectiveOn: '2027-12-31' });
    given([launched, end])
      .when({ type: 'ReleaseProductVersion', ...ids, version: '13.0' })
      .thenRefused('product.end_of_support');
  });

  it('trained agents are counted once per product', () => {
    const training = { ...ids, agentId: 'agent-ada' };
    const state = given([launched, productEvent('TrainingCompleted', training)])
      .when({ type: 'RecordTraining', ...training })
      .then([productEvent('TrainingCompleted', training)]);
    expect(state).toMatchObject({ trainedAgents: ['agent-ada'] });
  });
});
