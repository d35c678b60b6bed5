import type { KnowledgeEvent } from '@hotline/domain';

/** A knowledge article, for FAQ candidates: what it covers, and whether it still stands. */
export interface ArticleRecord {
  readonly kind: 'article';
  readonly articleId: string;
  readonly title: string;
  readonly products: readonly string[];
  readonly symptoms: readonly string[];
  readonly publishedAt: string;
  readonly retired: boolean;
}

export function foldArticleRecord(record: ArticleRecord | undefined, event: KnowledgeEvent): ArticleRecord {
  switch (event.type) {
    case 'KnowledgeArticlePublished':
      return {
        kind: 'article',
        articleId: event.articleId,
        title: event.title,
        products: event.products,
        symptoms: event.symptoms ?? [],
        publishedAt: event.at,
        retired: false,
      };
    case 'KnowledgeArticleUpdated': {
      if (record === undefined) throw new Error(`Article ${event.articleId} updated before it was published`);
      return {
        ...record,
        ...(event.title === undefined ? {} : { title: event.title }),
        ...(event.products === undefined ? {} : { products: event.products }),
        ...(event.symptoms === undefined ? {} : { symptoms: event.symptoms }),
      };
    }
    case 'KnowledgeArticleRetired': {
      if (record === undefined) throw new Error(`Article ${event.articleId} retired before it was published`);
      return { ...record, retired: true };
    }
  }
}
