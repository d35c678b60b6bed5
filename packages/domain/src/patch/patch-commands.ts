import { z } from 'zod';
import { PatchReleased } from './patch-events.ts';

const { type: _type, schemaVersion: _version, ...released } = PatchReleased.shape;

export const ReleasePatch = z.object({ type: z.literal('ReleasePatch'), ...released });
export type ReleasePatch = z.infer<typeof ReleasePatch>;

export const PatchCommand = z.discriminatedUnion('type', [ReleasePatch]);
export type PatchCommand = z.infer<typeof PatchCommand>;
