import { z } from 'zod';
import { ProductionDocumentAttached, ProductionDocumentRetired } from './documentation-events.ts';

const { type: _a, schemaVersion: _av, ...attached } = ProductionDocumentAttached.shape;
const { type: _r, schemaVersion: _rv, ...retired } = ProductionDocumentRetired.shape;

export const AttachProductionDocument = z.object({ type: z.literal('AttachProductionDocument'), ...attached });
export const RetireProductionDocument = z.object({ type: z.literal('RetireProductionDocument'), ...retired });

export const DocumentationCommand = z.discriminatedUnion('type', [AttachProductionDocument, RetireProductionDocument]);
export type DocumentationCommand = z.infer<typeof DocumentationCommand>;
export type AttachProductionDocument = z.infer<typeof AttachProductionDocument>;
export type RetireProductionDocument = z.infer<typeof RetireProductionDocument>;
