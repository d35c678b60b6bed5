import { describe, it } from 'vitest';
import { specify } from '../../test/given-when-then.ts';
import { KnowledgeCommand } from './knowledge-commands.ts';
import { knowledgeArticleDecider } from './knowledge-decider.ts';
import { KnowledgeEvent, knowledgeEvent } from './knowledge-events.ts';

const { given } = specify(knowledgeArticleDecider, { commands: KnowledgeCommand, events: KnowledgeEvent });
const ids = { articleId: 'KB-7', by: 'agent-ada' };
const content = { title: 'Invoices fail to post in May', body: 'Open the previous period first.', products: ['ERP'] };
const at = '2026-05-15T11:00:00+02:00';
const later = '2026-06-01T09:00:00+02:00';
const published = knowledgeEvent('KnowledgeArticlePublished', { ...ids, ...content, at });
const retired = knowledgeEvent('KnowledgeArticleRetired', { ...ids, reason: 'Fixed in 12.5', at: later });

describe('knowledge articles', () => {
  it('an article is published once', () => {
    given([])
      .when({ type: 'PublishArticle', ...ids, ...content, at })
      .then([published]);
    given([published])
      .when({ type: 'PublishArticle', ...ids, ...content, at })
      .thenRefused('article.already_published');
  });

  it('an article is updated with what changes', () => {
    given([published])
      .when({ type: 'UpdateArticle', ...ids, title: 'Invoices fail to post', at: later })
      .then([knowledgeEvent('KnowledgeArticleUpdated', { ...ids, title: 'Invoices fail to post', at: later })]);
    given([published])
      .when({ type: 'UpdateArticle', ...ids, at: later })
      .thenRefused('article.nothing_to_update');
  });

  it('an article is retired, then no longer updated', () => {
    given([published])
      .when({ type: 'RetireArticle', ...ids, reason: 'Fixed in 12.5', at: later })
      .then([retired]);
    given([published, retired])
      .when({ type: 'UpdateArticle', ...ids, title: 'Again', at: later })
      .thenRefused('article.retired');
  });

  it('an unknown article is not retired', () => {
    given([])
      .when({ type: 'RetireArticle', ...ids, reason: 'Obsolete', at })
      .thenRefused('article.not_found');
  });

  it('an article is not replaced by itself', () => {
    given([published])
      .when({ type: 'RetireArticle', ...ids, reason: 'Merged', replacedBy: 'KB-7', at: later })
      .thenRefused('article.replaced_by_itself');
  });
});
