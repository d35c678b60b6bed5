import { describe, expect, it } from 'vitest';
import { specify } from '../../test/given-when-then.ts';
import { TrainingCommand } from './training-commands.ts';
import { trainingDecider } from './training-decider.ts';
import { TrainingEvent, trainingEvent } from './training-events.ts';

const { given } = specify(trainingDecider, { commands: TrainingCommand, events: TrainingEvent });
const ids = { trainingId: 'TR-ERP13', by: 'manager-max', at: '2026-05-04T09:00:00+02:00' };
const plan = {
  kind: 'training',
  product: 'ERP',
  title: 'ERP 13 for the hotline',
  attendees: ['agent-ada', 'agent-bob'],
  level: 'confirmed',
  trainer: 'ERP team',
  plannedOn: '2026-06-10',
} as const;
const planned = trainingEvent('TrainingPlanned', { ...ids, ...plan, attendees: [...plan.attendees] });
const done = { ...ids, completedOn: '2026-06-10', at: '2026-06-10T18:00:00+02:00' };
const completed = trainingEvent('TrainingSessionCompleted', {
  ...done,
  product: 'ERP',
  attendees: ['agent-ada', 'agent-bob'],
  level: 'confirmed',
});

describe('trainings and skill transfers', () => {
  it('a training is planned on a product for some agents, once', () => {
    given([])
      .when({ type: 'PlanTraining', ...ids, ...plan, attendees: [...plan.attendees] })
      .then([planned]);
    given([planned])
      .when({ type: 'PlanTraining', ...ids, ...plan, attendees: [...plan.attendees] })
      .thenRefused('training.already_scheduled');
    given([])
      .when({ type: 'PlanTraining', ...ids, ...plan, attendees: ['agent-ada', 'agent-ada'] })
      .thenRefused('training.duplicate_attendee');
  });

  it('completed, it names who completed it, with the product and level of the plan', () => {
    const state = given([planned])
      .when({ type: 'CompleteTraining', ...done })
      .then([completed]);
    expect(state).toMatchObject({ status: 'completed', trained: ['agent-ada', 'agent-bob'] });
    given([planned])
      .when({ type: 'CompleteTraining', ...done, attendees: ['agent-bob'] })
      .then([{ ...completed, attendees: ['agent-bob'] }]);
  });

  it('only planned agents complete it, not before the planned day', () => {
    given([planned])
      .when({ type: 'CompleteTraining', ...done, attendees: ['agent-eve'] })
      .thenRefused('training.attendee_not_planned');
    given([planned])
      .when({ type: 'CompleteTraining', ...done, completedOn: '2026-06-09' })
      .thenRefused('training.completed_before_planned');
  });

  it('a training is completed or cancelled, once', () => {
    const cancelled = trainingEvent('TrainingCancelled', { ...ids, reason: 'Trainer ill' });
    given([planned])
      .when({ type: 'CancelTraining', ...ids, reason: 'Trainer ill' })
      .then([cancelled]);
    given([planned, cancelled])
      .when({ type: 'CompleteTraining', ...done })
      .thenRefused('training.cancelled');
    given([planned, completed])
      .when({ type: 'CancelTraining', ...ids, reason: 'Too late' })
      .thenRefused('training.already_held');
    given([])
      .when({ type: 'CompleteTraining', ...done })
      .thenRefused('training.not_found');
  });
});
