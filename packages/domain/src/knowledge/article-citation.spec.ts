import { describe, expect, it } from 'vitest';
import { citableArticle } from './article-citation.ts';
import { evolveKnowledgeArticle, initialKnowledgeArticleState } from './knowledge-decider.ts';
import { type KnowledgeEvent, knowledgeEvent } from './knowledge-events.ts';

const ids = { articleId: 'KB-7', by: 'agent-ada' };
const published = knowledgeEvent('KnowledgeArticlePublished', {
  ...ids,
  title: 'Invoices fail to post in May',
  body: 'Open the previous period first.',
  products: ['ERP'],
  at: '2026-05-15T11:00:00+02:00',
});
const retired = knowledgeEvent('KnowledgeArticleRetired', { ...ids, reason: 'Fixed', at: '2026-06-01T09:00:00+02:00' });
const fold = (events: KnowledgeEvent[]) => events.reduce(evolveKnowledgeArticle, initialKnowledgeArticleState);

describe('citing an article', () => {
  it('a published article is cited', () => {
    expect(citableArticle(fold([published]), 'KB-7')).toMatchObject({ ok: true, value: { articleId: 'KB-7' } });
  });

  it('an article never published is not', () => {
    expect(citableArticle(fold([]), 'KB-7')).toMatchObject({ ok: false, error: { code: 'article.not_found' } });
  });

  it('a retired article is not cited anew', () => {
    expect(citableArticle(fold([published, retired]), 'KB-7')).toMatchObject({
      ok: false,
      error: { code: 'article.retired' },
    });
  });
});
