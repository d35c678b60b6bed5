import { z } from 'zod';
import type { KnownPatch } from '../domain-additions.ts';

export const PatchView = z
  .object({
    patchId: z.string(),
    status: z.enum(['registered', 'released']),
    product: z.string(),
    version: z.string(),
    fixes: z.array(z.string()).describe('The tickets it fixes'),
    notes: z.string().optional(),
    registeredAt: z.string().optional(),
    releasedAt: z.string().optional(),
    revision: z.string().describe('Revision of the patch stream (decimal string)'),
  })
  .describe('A patch');
export type PatchView = z.infer<typeof PatchView>;

export function patchView(patch: KnownPatch, revision: bigint): PatchView {
  return { ...patch, fixes: [...patch.fixes], revision: revision.toString() };
}
