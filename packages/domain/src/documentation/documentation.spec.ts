import { describe, expect, it } from 'vitest';
import { specify } from '../../test/given-when-then.ts';
import { DocumentationCommand } from './documentation-commands.ts';
import { productionDocumentDecider } from './documentation-decider.ts';
import { DocumentationEvent, documentationEvent } from './documentation-events.ts';
import { compareVersions, inVersionRange } from './product-version.ts';

const { given } = specify(productionDocumentDecider, { commands: DocumentationCommand, events: DocumentationEvent });
const ids = { documentId: 'DOC-1', by: 'agent-ada', at: '2026-05-04T09:00:00+02:00' };
const notes = {
  ...ids,
  product: 'ERP',
  kind: 'known_issue',
  title: 'Invoices of May fail to post',
  text: 'Reopen the previous period first.',
  versions: { from: '12.4', to: '12.10' },
} as const;
const attached = documentationEvent('ProductionDocumentAttached', notes);

describe('production documentation', () => {
  it('a document is attached to a product and a range of versions, once', () => {
    given([])
      .when({ type: 'AttachProductionDocument', ...notes })
      .then([attached]);
    given([attached])
      .when({ type: 'AttachProductionDocument', ...notes })
      .thenRefused('document.already_published');
  });

  it('it has a link or a text, and a range in order', () => {
    const { text: _text, ...empty } = notes;
    given([])
      .when({ type: 'AttachProductionDocument', ...empty })
      .thenRefused('document.content_missing');
    given([])
      .when({ type: 'AttachProductionDocument', ...notes, versions: { from: '12.10', to: '12.9' } })
      .thenRefused('document.version_range_invalid');
  });

  it('it is retired once', () => {
    const retired = documentationEvent('ProductionDocumentRetired', { ...ids, reason: 'Fixed in 12.11' });
    given([attached])
      .when({ type: 'RetireProductionDocument', ...ids, reason: 'Fixed in 12.11' })
      .then([retired]);
    given([attached, retired])
      .when({ type: 'RetireProductionDocument', ...ids, reason: 'again' })
      .thenRefused('document.retired');
    given([])
      .when({ type: 'RetireProductionDocument', ...ids, reason: 'nothing' })
      .thenRefused('document.not_found');
  });
});

describe('versions', () => {
  it.each([
    ['12.9', '12.10', -1],
    ['12.10', '12.10', 0],
    ['13', '12.10', 1],
    ['12', '12.0', -1],
    ['12.4-rc1', '12.4-rc2', -1],
  ])('%s against %s: %i', (left, right, order) => {
    expect(compareVersions(left, right)).toBe(order);
  });

  it('a range includes both ends; an open end includes everything beyond', () => {
    expect(inVersionRange('12.4', { from: '12.4', to: '12.10' })).toBe(true);
    expect(inVersionRange('12.10', { from: '12.4', to: '12.10' })).toBe(true);
    expect(inVersionRange('12.11', { from: '12.4', to: '12.10' })).toBe(false);
    expect(inVersionRange('12.3', { from: '12.4' })).toBe(false);
    expect(inVersionRange('99', { from: '12.4' })).toBe(true);
    expect(inVersionRange('1.0', {})).toBe(true);
  });
});
