import { z } from 'zod';
import { TrainingCancelled, TrainingPlanned, TrainingSessionCompleted } from './training-events.ts';

const { type: _p, schemaVersion: _pv, ...planned } = TrainingPlanned.shape;
const { type: _c, schemaVersion: _cv, ...cancelled } = TrainingCancelled.shape;
const { trainingId, attendees, completedOn, by, at } = TrainingSessionCompleted.shape;

export const PlanTraining = z.object({ type: z.literal('PlanTraining'), ...planned });
/** Without `attendees`, every agent planned completed it; product and level come from the plan. */
export const CompleteTraining = z.object({
  type: z.literal('CompleteTraining'),
  trainingId,
  attendees: attendees.optional(),
  completedOn,
  by,
  at,
});
export const CancelTraining = z.object({ type: z.literal('CancelTraining'), ...cancelled });

export const TrainingCommand = z.discriminatedUnion('type', [PlanTraining, CompleteTraining, CancelTraining]);
export type TrainingCommand = z.infer<typeof TrainingCommand>;
export type PlanTraining = z.infer<typeof PlanTraining>;
export type CompleteTraining = z.infer<typeof CompleteTraining>;
export type CancelTraining = z.infer<typeof CancelTraining>;
