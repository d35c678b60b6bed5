import { z } from 'zod';
import { KnowledgeArticlePublished, KnowledgeArticleRetired, KnowledgeArticleUpdated } from './knowledge-events.ts';

// A command says what its event will: the same fields, under an imperative name.
const { type: _p, schemaVersion: _pv, ...published } = KnowledgeArticlePublished.shape;
const { type: _u, schemaVersion: _uv, ...updated } = KnowledgeArticleUpdated.shape;
const { type: _r, schemaVersion: _rv, ...retired } = KnowledgeArticleRetired.shape;

export const PublishArticle = z.object({ type: z.literal('PublishArticle'), ...published });
export const UpdateArticle = z.object({ type: z.literal('UpdateArticle'), ...updated });
export const RetireArticle = z.object({ type: z.literal('RetireArticle'), ...retired });
export const KnowledgeCommand = z.discriminatedUnion('type', [PublishArticle, UpdateArticle, RetireArticle]);
export type KnowledgeCommand = z.infer<typeof KnowledgeCommand>;
export type PublishArticle = z.infer<typeof PublishArticle>;
export type UpdateArticle = z.infer<typeof UpdateArticle>;
export type RetireArticle = z.infer<typeof RetireArticle>;
