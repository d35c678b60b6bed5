import { describe, it } from 'vitest';
import { specify } from '../../test/given-when-then.ts';
import { FaqCommand } from './faq-commands.ts';
import { faqEntryDecider } from './faq-decider.ts';
import { FaqEvent, faqEvent } from './faq-events.ts';

const { given } = specify(faqEntryDecider, { commands: FaqCommand, events: FaqEvent });
const ids = { entryId: 'FAQ-1', by: 'agent-ada', at: '2026-05-04T09:00:00+02:00' };
const entry = {
  ...ids,
  articleId: 'KB-7',
  question: 'Why do my May invoices not post?',
  answer: 'Reopen April, then post again.',
  product: 'ERP',
  ticketIds: ['T-1', 'T-2'],
};
const live = { status: 'published' as const, products: ['ERP'] };
const published = faqEvent('FaqEntryPublished', entry);
const unpublished = faqEvent('FaqEntryUnpublished', { ...ids, reason: 'Fixed in 12.11' });

describe('FAQ entries', () => {
  it('an entry is published from a live article of its product, with the tickets it answered', () => {
    given([])
      .when({ type: 'PublishFaqEntry', ...entry, article: live })
      .then([published]);
    given([published])
      .when({ type: 'PublishFaqEntry', ...entry, article: live })
      .thenRefused('faq.already_published');
  });

  it('not from a missing or retired article, nor for another product', () => {
    given([])
      .when({ type: 'PublishFaqEntry', ...entry, article: { status: 'none', products: [] } })
      .thenRefused('faq.article_not_found');
    given([])
      .when({ type: 'PublishFaqEntry', ...entry, article: { ...live, status: 'retired' } })
      .thenRefused('faq.article_retired');
    given([])
      .when({ type: 'PublishFaqEntry', ...entry, article: { ...live, products: ['CRM'] } })
      .thenRefused('faq.product_not_in_article');
    given([])
      .when({ type: 'PublishFaqEntry', ...entry, ticketIds: ['T-1', 'T-1'], article: live })
      .thenRefused('faq.duplicate_ticket');
  });

  it('it is unpublished while published, and may be published again', () => {
    given([published])
      .when({ type: 'UnpublishFaqEntry', ...ids, reason: 'Fixed in 12.11' })
      .then([unpublished]);
    given([published, unpublished])
      .when({ type: 'UnpublishFaqEntry', ...ids, reason: 'again' })
      .thenRefused('faq.not_published');
    given([published, unpublished])
      .when({ type: 'PublishFaqEntry', ...entry, answer: 'Install 12.11.', article: live })
      .then([faqEvent('FaqEntryPublished', { ...entry, answer: 'Install 12.11.' })]);
    given([])
      .when({ type: 'UnpublishFaqEntry', ...ids, reason: 'nothing' })
      .thenRefused('faq.not_found');
  });
});
