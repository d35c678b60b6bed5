import { z } from 'zod';
import {
  ClientContextCleared,
  ClientContextFlagged,
  ClientReviewHeld,
  ClientReviewScheduled,
  ReviewActionCompleted,
} from './client-events.ts';

// A command says what its event will: the same fields, under an imperative name.
const { type: _f, schemaVersion: _fv, ...flagged } = ClientContextFlagged.shape;
const { type: _c, schemaVersion: _cv, ...cleared } = ClientContextCleared.shape;
const { type: _s, schemaVersion: _sv, ...scheduled } = ClientReviewScheduled.shape;
const { type: _h, schemaVersion: _hv, ...held } = ClientReviewHeld.shape;
const { type: _a, schemaVersion: _av, ...completed } = ReviewActionCompleted.shape;

export const FlagClientContext = z.object({ type: z.literal('FlagClientContext'), ...flagged });
export const ClearClientContext = z.object({ type: z.literal('ClearClientContext'), ...cleared });
export const ScheduleClientReview = z.object({ type: z.literal('ScheduleClientReview'), ...scheduled });
export const RecordClientReview = z.object({ type: z.literal('RecordClientReview'), ...held });
export const CompleteReviewAction = z.object({ type: z.literal('CompleteReviewAction'), ...completed });

export const ClientCommand = z.discriminatedUnion('type', [
  FlagClientContext,
  ClearClientContext,
  ScheduleClientReview,
  RecordClientReview,
  CompleteReviewAction,
]);
export type ClientCommand = z.infer<typeof ClientCommand>;
export type FlagClientContext = z.infer<typeof FlagClientContext>;
export type ClearClientContext = z.infer<typeof ClearClientContext>;
export type ScheduleClientReview = z.infer<typeof ScheduleClientReview>;
export type RecordClientReview = z.infer<typeof RecordClientReview>;
export type CompleteReviewAction = z.infer<typeof CompleteReviewAction>;
