import { assertNever, type KnowledgeEvent } from '@hotline/domain';
import { z } from 'zod';

/** A knowledge-base article as the API shows it: its current content and where it stands. */
export const ArticleView = z
  .object({
    articleId: z.string(),
    status: z.enum(['published', 'retired']),
    title: z.string(),
    body: z.string(),
    products: z.array(z.string()),
    symptoms: z.array(z.string()).describe('What clients report, to match new tickets to the article'),
    publishedAt: z.string(),
    updatedAt: z.string().optional(),
    retirement: z
      .object({ reason: z.string(), replacedBy: z.string().optional(), at: z.string() })
      .optional()
      .describe('Why and when it was archived, and the article that replaces it'),
    revision: z.string().describe('Revision of the article stream (decimal string)'),
  })
  .describe('A knowledge-base article');
export type ArticleView = z.infer<typeof ArticleView>;

type Content = Omit<ArticleView, 'revision'>;

/** The article folded from its events; undefined while it was never published. */
export function articleView(events: readonly KnowledgeEvent[], revision: bigint): ArticleView | undefined {
  const content = events.reduce<Content | undefined>(applyToView, undefined);
  return content === undefined ? undefined : { ...content, revision: revision.toString() };
}

function applyToView(view: Content | undefined, event: KnowledgeEvent): Content | undefined {
  switch (event.type) {
    case 'KnowledgeArticlePublished':
      return {
        articleId: event.articleId,
        status: 'published',
        title: event.title,
        body: event.body,
        products: [...event.products],
        symptoms: [...(event.symptoms ?? [])],
        publishedAt: event.at,
      };
    case 'KnowledgeArticleUpdated':
      if (view === undefined) return view;
      return {
        ...view,
        title: event.title ?? view.title,
        body: event.body ?? view.body,
        products: event.products === undefined ? view.products : [...event.products],
        symptoms: event.symptoms === undefined ? view.symptoms : [...event.symptoms],
        updatedAt: event.at,
      };
    case 'KnowledgeArticleRetired':
      if (view === undefined) return view;
      return {
        ...view,
        status: 'retired',
        retirement: {
          reason: event.reason,
          ...(event.replacedBy === undefined ? {} : { replacedBy: event.replacedBy }),
          at: event.at,
        },
      };
    default:
      return assertNever(event);
  }
}
