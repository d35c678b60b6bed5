import { type DomainError, domainError } from '../shared/domain-error.ts';
import { assertNever, err, ok, type Result } from '../shared/result.ts';
import type { DocumentationCommand } from './documentation-commands.ts';
import {
  type DocumentationEvent,
  documentationEvent,
  type ProductionDocumentAttached,
} from './documentation-events.ts';
import { compareVersions } from './product-version.ts';

export type ProductionDocument = Omit<ProductionDocumentAttached, 'type' | 'schemaVersion'> & {
  readonly status: 'attached' | 'retired';
};

export type ProductionDocumentState = { readonly status: 'none' } | ProductionDocument;

export const initialProductionDocumentState: ProductionDocumentState = { status: 'none' };

type Decision = Result<DocumentationEvent[], DomainError>;

function refuse(code: string, command: DocumentationCommand, why: string): Decision {
  const message = `Cannot ${command.type} ${command.documentId}: ${why}`;
  return err(domainError(code, message, { documentId: command.documentId }));
}

export function decideProductionDocument(command: DocumentationCommand, state: ProductionDocumentState): Decision {
  switch (command.type) {
    case 'AttachProductionDocument': {
      if (state.status !== 'none') return refuse('document.already_published', command, `it is ${state.status}`);
      if (command.link === undefined && command.text === undefined) {
        return refuse('document.content_missing', command, 'a document has a link or a text');
      }
      const { from, to } = command.versions;
      if (from !== undefined && to !== undefined && compareVersions(from, to) > 0) {
        return refuse('document.version_range_invalid', command, `${to} comes before ${from}`);
      }
      const { type: _type, ...attached } = command;
      return ok([documentationEvent('ProductionDocumentAttached', attached)]);
    }
    case 'RetireProductionDocument': {
      if (state.status === 'none') return refuse('document.not_found', command, 'it was never attached');
      if (state.status === 'retired') return refuse('document.retired', command, 'it is already retired');
      const { type: _type, ...retired } = command;
      return ok([documentationEvent('ProductionDocumentRetired', retired)]);
    }
    default:
      return assertNever(command);
  }
}

export function evolveProductionDocument(
  state: ProductionDocumentState,
  event: DocumentationEvent,
): ProductionDocumentState {
  switch (event.type) {
    case 'ProductionDocumentAttached': {
      const { type: _type, schemaVersion: _version, ...attached } = event;
      return { ...attached, status: 'attached' };
    }
    case 'ProductionDocumentRetired':
      return state.status === 'none' ? state : { ...state, status: 'retired' };
    default:
      return assertNever(event);
  }
}

export const productionDocumentDecider = {
  decide: decideProductionDocument,
  evolve: evolveProductionDocument,
  initialState: initialProductionDocumentState,
} as const;
