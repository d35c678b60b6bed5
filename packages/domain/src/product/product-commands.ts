import { z } from 'zod';
import { ProductEndOfSupport, ProductLaunched, ProductVersionReleased, TrainingCompleted } from './product-events.ts';

// A command says what its event will: the same fields, under an imperative name.
const { type: _l, schemaVersion: _lv, ...launched } = ProductLaunched.shape;
const { type: _r, schemaVersion: _rv, ...released } = ProductVersionReleased.shape;
const { type: _e, schemaVersion: _ev, ...ended } = ProductEndOfSupport.shape;
const { type: _t, schemaVersion: _tv, ...trained } = TrainingCompleted.shape;

export const LaunchProduct = z.object({ type: z.literal('LaunchProduct'), ...launched });
export const ReleaseProductVersion = z.object({ type: z.literal('ReleaseProductVersion'), ...released });
export const EndProductSupport = z.object({ type: z.literal('EndProductSupport'), ...ended });
export const RecordTraining = z.object({ type: z.literal('RecordTraining'), ...trained });

export const ProductCommand = z.discriminatedUnion('type', [
  LaunchProduct,
  ReleaseProductVersion,
  EndProductSupport,
  RecordTraining,
]);
export type ProductCommand = z.infer<typeof ProductCommand>;
export type LaunchProduct = z.infer<typeof LaunchProduct>;
export type ReleaseProductVersion = z.infer<typeof ReleaseProductVersion>;
export type EndProductSupport = z.infer<typeof EndProductSupport>;
export type RecordTraining = z.infer<typeof RecordTraining>;
