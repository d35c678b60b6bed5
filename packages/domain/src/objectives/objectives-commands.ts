import { z } from 'zod';
import { AnnualObjectivesSet } from './objectives-events.ts';

const { type: _type, schemaVersion: _version, ...objectives } = AnnualObjectivesSet.shape;

export const SetAnnualObjectives = z.object({ type: z.literal('SetAnnualObjectives'), ...objectives });
export type SetAnnualObjectives = z.infer<typeof SetAnnualObjectives>;

export const ObjectivesCommand = z.discriminatedUnion('type', [SetAnnualObjectives]);
export type ObjectivesCommand = z.infer<typeof ObjectivesCommand>;
