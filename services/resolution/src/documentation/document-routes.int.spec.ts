import { describe, expect, it } from 'vitest';
import {
  agent,
  expectProblem,
  given,
  onSqlitePerTest,
  type Resolution,
  received,
} from '../../test/resolution-harness.ts';

let resolution: Resolution;
onSqlitePerTest((started) => {
  resolution = started;
});

const by = { by: agent };
const knownIssue = {
  ...by,
  documentId: 'DOC-1',
  kind: 'known_issue',
  title: 'Invoices of May fail to post',
  text: 'Reopen the previous period first.',
  versions: { from: '12.4', to: '12.10' },
};
const notes = {
  ...by,
  documentId: 'DOC-2',
  kind: 'release_notes',
  title: 'ERP 13.0',
  link: 'https://docs.example.com/erp/13.0/notes',
  versions: { from: '13.0', to: '13.0' },
};

describe('production documentation', () => {
  it('attaches documents to a product and its versions, and agents find them from a ticket', async () => {
    const attached = await resolution.send('/products/ERP/documents', knownIssue, {
      headers: { 'idempotency-key': 'd-1' },
    });
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({ documentId: 'DOC-1', product: 'ERP', status: 'attached', revision: '0' });
    const retried = await resolution.send('/products/ERP/documents', knownIssue, {
      headers: { 'idempotency-key': 'd-1' },
    });
    expect(retried.body).toEqual(attached.body);
    await resolution.send('/products/ERP/documents', notes);
    await resolution.service.caughtUp();

    const forVersion = await resolution.send('/products/ERP/documents?version=12.9');
    expect(forVersion.body.documents).toEqual([expect.objectContaining({ documentId: 'DOC-1' })]);
    const all = await resolution.send('/products/ERP/documents');
    expect(all.body.documents).toHaveLength(2);

    await given(resolution.store, received('T-1'));
    const fromTicket = await resolution.send('/tickets/T-1/documents');
    expect(fromTicket.body).toMatchObject({ product: 'ERP', version: '12.4', documents: [{ documentId: 'DOC-1' }] });
    expectProblem(await resolution.send('/tickets/T-404/documents'), 404, 'ticket.not_found');
  });

  it('refuses a document twice, without content, or with a range out of order', async () => {
    await resolution.send('/products/ERP/documents', knownIssue);
    expectProblem(await resolution.send('/products/ERP/documents', knownIssue), 409, 'document.already_published');
    const { text: _text, ...empty } = knownIssue;
    expectProblem(
      await resolution.send('/products/ERP/documents', { ...empty, documentId: 'DOC-3' }),
      422,
      'document.content_missing',
    );
    expectProblem(
      await resolution.send('/products/ERP/documents', {
        ...knownIssue,
        documentId: 'DOC-4',
        versions: { from: '13', to: '12.9' },
      }),
      422,
      'document.version_range_invalid',
    );
    const badLink = await resolution.send('/products/ERP/documents', { ...notes, link: 'not a link' });
    expectProblem(badLink, 400);
  });

  it('retires a document, which agents then no longer find but can still read', async () => {
    await resolution.send('/products/ERP/documents', knownIssue);
    const retired = await resolution.send('/documents/DOC-1/retirement', { ...by, reason: 'Fixed in 12.11' });
    expect(retired.body).toMatchObject({ status: 'retired', revision: '1' });
    expectProblem(
      await resolution.send('/documents/DOC-1/retirement', { ...by, reason: 'again' }),
      409,
      'document.retired',
    );
    expectProblem(
      await resolution.send('/documents/DOC-9/retirement', { ...by, reason: 'x' }),
      404,
      'document.not_found',
    );
    await resolution.service.caughtUp();
    expect((await resolution.send('/products/ERP/documents')).body.documents).toEqual([]);
    expect((await resolution.send('/documents/DOC-1')).body).toMatchObject({
      title: knownIssue.title,
      status: 'retired',
    });
    expectProblem(await resolution.send('/documents/DOC-9'), 404, 'document.not_found');
  });

  it('rebuilds what agents find from the store at start', async () => {
    await resolution.send('/products/ERP/documents', knownIssue);
    const store = resolution.store;
    await resolution.service.stop();
    await resolution.service.start();
    expect((await resolution.send('/products/ERP/documents')).body.documents).toHaveLength(1);
    expect(store).toBe(resolution.store);
  });
});
