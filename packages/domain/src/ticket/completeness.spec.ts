import { describe, expect, it } from 'vitest';
import { p2Malfunction, p3Functional } from '../../test/ticket-fixtures.ts';
import { isComplete, missingInformation } from './completeness.ts';

describe('completeness of a request', () => {
  it('a malfunction naming client, product, environment, description, version and steps is complete', () => {
    expect(missingInformation(p2Malfunction)).toEqual([]);
    expect(isComplete(p2Malfunction)).toBe(true);
  });

  it('a functional request needs neither version nor reproduction steps', () => {
    expect(missingInformation(p3Functional)).toEqual([]);
  });

  it('a malfunction without version nor steps lacks both', () => {
    const request = { ...p2Malfunction, version: undefined, reproductionSteps: undefined };
    expect(missingInformation(request)).toEqual(['version', 'reproductionSteps']);
  });

  it('lists what lacks in a stable order, whatever the nature', () => {
    expect(missingInformation({ nature: 'malfunction' })).toEqual([
      'clientId',
      'product',
      'environment',
      'description',
      'version',
      'reproductionSteps',
    ]);
    expect(missingInformation({ nature: 'evolution' })).toEqual(['clientId', 'product', 'environment', 'description']);
  });

  it('a blank field is a missing one', () => {
    expect(missingInformation({ ...p3Functional, description: '   ' })).toEqual(['description']);
  });
});
