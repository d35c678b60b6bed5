import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { after, agent, expectProblem, type Resolution, startResolution } from '../../test/resolution-harness.ts';

let resolution: Resolution;
const by = { by: agent };
const article = {
  articleId: 'KB-7',
  title: 'Invoices fail to post in May',
  body: 'Reopen the previous period, then post again.',
  products: ['ERP'],
  symptoms: ['invoice not posted'],
};

beforeEach(async () => {
  resolution = await startResolution();
});
afterEach(() => resolution.close());

const publish = () => resolution.send('/articles', { ...by, ...article });

describe('the knowledge base', () => {
  it('publishes an article and reads it back', async () => {
    const response = await publish();
    expect(response.status).toBe(201);
    const view = { ...article, status: 'published', publishedAt: after(0), revision: '0' };
    expect(response.body).toEqual(view);
    expect((await resolution.send('/articles/KB-7')).body).toEqual(view);
  });

  it('publishes an article once, with a product at least', async () => {
    await publish();
    expectProblem(await publish(), 409, 'article.already_published');
    const response = await resolution.send('/articles', { ...by, ...article, articleId: 'KB-8', products: [] });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'products' })]);
  });

  it('corrects only what is given', async () => {
    await publish();
    const response = await resolution.send(
      '/articles/KB-7',
      { ...by, title: 'Invoices fail to post' },
      { method: 'PUT' },
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ title: 'Invoices fail to post', body: article.body, updatedAt: after(0) });
    const nothing = await resolution.send('/articles/KB-7', by, { method: 'PUT' });
    expectProblem(nothing, 422, 'article.nothing_to_update');
    expectProblem(
      await resolution.send('/articles/KB-0', { ...by, title: 'x' }, { method: 'PUT' }),
      404,
      'article.not_found',
    );
  });

  it('archives an article, which then stays readable but is no longer corrected', async () => {
    await publish();
    const archive = { ...by, reason: 'Fixed by patch ERP-12.4.1', replacedBy: 'KB-9' };
    const response = await resolution.send('/articles/KB-7/archive', archive);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'retired',
      retirement: { reason: 'Fixed by patch ERP-12.4.1', replacedBy: 'KB-9', at: after(0) },
    });
    expect((await resolution.send('/articles/KB-7')).body.status).toBe('retired');
    expectProblem(await resolution.send('/articles/KB-7/archive', archive), 409, 'article.retired');
    expectProblem(
      await resolution.send('/articles/KB-7', { ...by, title: 'x' }, { method: 'PUT' }),
      409,
      'article.retired',
    );
  });

  it('archives no unknown article, nor without a reason', async () => {
    expectProblem(
      await resolution.send('/articles/KB-0/archive', { ...by, reason: 'Obsolete' }),
      404,
      'article.not_found',
    );
    await publish();
    expectProblem(await resolution.send('/articles/KB-7/archive', by), 400);
  });

  it('answers 404 for an unknown article', async () => {
    expectProblem(await resolution.send('/articles/KB-0'), 404, 'article.not_found');
  });
});
