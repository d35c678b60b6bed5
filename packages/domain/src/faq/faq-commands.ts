import { z } from 'zod';
import { ProductCode } from '../schema/primitives.ts';
import { FaqEntryPublished, FaqEntryUnpublished } from './faq-events.ts';

const { type: _p, schemaVersion: _pv, ...published } = FaqEntryPublished.shape;
const { type: _u, schemaVersion: _uv, ...unpublished } = FaqEntryUnpublished.shape;

/** The article as the service read it from its stream when the entry is published from it. */
export const FaqSourceArticle = z.object({
  status: z.enum(['none', 'published', 'retired']),
  products: z.array(ProductCode),
});
export type FaqSourceArticle = z.infer<typeof FaqSourceArticle>;

export const PublishFaqEntry = z.object({
  type: z.literal('PublishFaqEntry'),
  ...published,
  article: FaqSourceArticle,
});
export const UnpublishFaqEntry = z.object({ type: z.literal('UnpublishFaqEntry'), ...unpublished });

export const FaqCommand = z.discriminatedUnion('type', [PublishFaqEntry, UnpublishFaqEntry]);
export type FaqCommand = z.infer<typeof FaqCommand>;
export type PublishFaqEntry = z.infer<typeof PublishFaqEntry>;
export type UnpublishFaqEntry = z.infer<typeof UnpublishFaqEntry>;
