import { describe, it } from 'vitest';
import { specify } from '../../test/given-when-then.ts';
import { ObjectivesCommand, type SetAnnualObjectives } from './objectives-commands.ts';
import { objectivesDecider } from './objectives-decider.ts';
import { ObjectivesEvent, objectivesEvent } from './objectives-events.ts';

const { given } = specify(objectivesDecider, { commands: ObjectivesCommand, events: ObjectivesEvent });
const command: SetAnnualObjectives = {
  type: 'SetAnnualObjectives',
  year: 2026,
  targets: [
    { indicator: 'malfunctions', priority: 'P1', value: 95 },
    { indicator: 'productionOverThirtyDays', value: 0 },
  ],
  penaltyBudgetCents: 1_000_000,
  by: 'manager-max',
  at: '2025-12-15T10:00:00+01:00',
};
const { type: _type, ...objectives } = command;
const set = objectivesEvent('AnnualObjectivesSet', objectives);

describe('annual objectives', () => {
  it('the manager sets the objectives of the coming year', () => {
    given([]).when(command).then([set]);
  });

  it('they may be revised during the year, but not set again unchanged', () => {
    const revision = { penaltyBudgetCents: 800_000, at: '2026-06-01T10:00:00+02:00' };
    given([set])
      .when({ ...command, ...revision })
      .then([objectivesEvent('AnnualObjectivesSet', { ...objectives, ...revision })]);
    given([set]).when(command).thenRefused('objectives.unchanged');
  });

  it('a year that is over keeps its objectives', () => {
    given([])
      .when({ ...command, year: 2025, at: '2026-01-02T09:00:00+01:00' })
      .thenRefused('objectives.year_over');
  });

  it('an indicator has one target per priority', () => {
    const p1 = { indicator: 'malfunctions', priority: 'P1', value: 95 } as const;
    given([])
      .when({ ...command, targets: [p1, { ...p1, value: 90 }] })
      .thenRefused('objectives.duplicate_target');
  });

  it('a rate is at most 100%', () => {
    const target = { indicator: 'functional', value: 120 } as const;
    given([])
      .when({ ...command, targets: [target] })
      .thenRefused('objectives.invalid_target');
  });
});
