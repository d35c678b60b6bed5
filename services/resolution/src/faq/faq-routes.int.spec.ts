import { describe, expect, it } from 'vitest';
import { agent, expectProblem, onSqlitePerTest, type Resolution } from '../../test/resolution-harness.ts';

let resolution: Resolution;
onSqlitePerTest((started) => {
  resolution = started;
});

const by = { by: agent };
const article = {
  ...by,
  articleId: 'KB-7',
  title: 'Invoices fail to post in May',
  body: 'Reopen the previous period, then post again.',
  products: ['ERP'],
};
const entry = {
  ...by,
  entryId: 'FAQ-1',
  articleId: 'KB-7',
  question: 'Why do my May invoices not post?',
  answer: 'Reopen April, then post them again.',
  product: 'ERP',
  ticketIds: ['T-1', 'T-2'],
};

describe('the FAQ for clients', () => {
  it('publishes an entry from a live article, with the tickets it answered', async () => {
    await resolution.send('/articles', article);
    const published = await resolution.send('/faq', entry, { headers: { 'idempotency-key': 'f-1' } });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      entryId: 'FAQ-1',
      status: 'published',
      ticketIds: ['T-1', 'T-2'],
      revision: '0',
    });
    expect((await resolution.send('/faq', entry, { headers: { 'idempotency-key': 'f-1' } })).body).toEqual(
      published.body,
    );
    expectProblem(await resolution.send('/faq', entry), 409, 'faq.already_published');
    expect((await resolution.send('/faq/FAQ-1')).body).toEqual(published.body);
  });

  it('refuses an entry from a missing or archived article, or for another product', async () => {
    expectProblem(await resolution.send('/faq', entry), 422, 'faq.article_not_found');
    await resolution.send('/articles', article);
    expectProblem(await resolution.send('/faq', { ...entry, product: 'CRM' }), 422, 'faq.product_not_in_article');
    expectProblem(await resolution.send('/faq', { ...entry, ticketIds: ['T-1', 'T-1'] }), 422, 'faq.duplicate_ticket');
    await resolution.send('/articles/KB-7/archive', { ...by, reason: 'Fixed' });
    expectProblem(await resolution.send('/faq', entry), 422, 'faq.article_retired');
  });

  it('unpublishes an entry, and publishes it again', async () => {
    await resolution.send('/articles', article);
    await resolution.send('/faq', entry);
    const withdrawn = await resolution.send('/faq/FAQ-1/unpublication', { ...by, reason: 'Fixed in 12.11' });
    expect(withdrawn.body).toMatchObject({ status: 'unpublished', revision: '1' });
    expectProblem(
      await resolution.send('/faq/FAQ-1/unpublication', { ...by, reason: 'again' }),
      422,
      'faq.not_published',
    );
    expectProblem(await resolution.send('/faq/FAQ-9/unpublication', { ...by, reason: 'x' }), 404, 'faq.not_found');
    const again = await resolution.send('/faq', { ...entry, answer: 'Install 12.11.' });
    expect(again.body).toMatchObject({ status: 'published', answer: 'Install 12.11.', revision: '2' });
    expectProblem(await resolution.send('/faq/FAQ-9'), 404, 'faq.not_found');
  });

  it('lists the published entries of a product for clients', async () => {
    await resolution.send('/articles', article);
    await resolution.send('/faq', entry);
    await resolution.send('/faq', { ...entry, entryId: 'FAQ-2', question: 'Can I post in a closed period?' });
    await resolution.send('/faq/FAQ-2/unpublication', { ...by, reason: 'Misleading' });
    await resolution.service.caughtUp();
    const faq = await resolution.send('/products/ERP/faq');
    expect(faq.body).toEqual({
      product: 'ERP',
      entries: [expect.objectContaining({ entryId: 'FAQ-1', question: entry.question, ticketIds: ['T-1', 'T-2'] })],
    });
    expect((await resolution.send('/products/CRM/faq')).body).toEqual({ product: 'CRM', entries: [] });
  });
});

describe('the OpenAPI document', () => {
  it('describes the documentation and FAQ routes from their zod schemas', async () => {
    const document = await resolution.send('/docs/json');
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths ?? {})).toEqual(
      expect.arrayContaining([
        '/products/{product}/documents',
        '/documents/{documentId}/retirement',
        '/documents/{documentId}',
        '/tickets/{ticketId}/documents',
        '/faq',
        '/faq/{entryId}/unpublication',
        '/faq/{entryId}',
        '/products/{product}/faq',
      ]),
    );
  });
});
