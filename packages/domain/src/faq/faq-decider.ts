import { type DomainError, domainError } from '../shared/domain-error.ts';
import { assertNever, err, ok, type Result } from '../shared/result.ts';
import type { FaqCommand, PublishFaqEntry } from './faq-commands.ts';
import { type FaqEntryPublished, type FaqEvent, faqEvent } from './faq-events.ts';

export type FaqEntry = Omit<FaqEntryPublished, 'type' | 'schemaVersion'> & {
  readonly status: 'published' | 'unpublished';
};

export type FaqEntryState = { readonly status: 'none' } | FaqEntry;

export const initialFaqEntryState: FaqEntryState = { status: 'none' };

type Decision = Result<FaqEvent[], DomainError>;

function refuse(code: string, command: FaqCommand, why: string): Decision {
  return err(domainError(code, `Cannot ${command.type} ${command.entryId}: ${why}`, { entryId: command.entryId }));
}

export function decideFaqEntry(command: FaqCommand, state: FaqEntryState): Decision {
  switch (command.type) {
    case 'PublishFaqEntry':
      return publish(command, state);
    case 'UnpublishFaqEntry': {
      if (state.status === 'none') return refuse('faq.not_found', command, 'it was never published');
      if (state.status === 'unpublished') return refuse('faq.not_published', command, 'it is not published');
      const { type: _type, ...unpublication } = command;
      return ok([faqEvent('FaqEntryUnpublished', unpublication)]);
    }
    default:
      return assertNever(command);
  }
}

/** Clients read what the hotline maintains: the entry comes from a live article about its product. */
function publish(command: PublishFaqEntry, state: FaqEntryState): Decision {
  if (state.status === 'published') return refuse('faq.already_published', command, 'it is published');
  const { article } = command;
  if (article.status === 'none') {
    return refuse('faq.article_not_found', command, `article ${command.articleId} was never published`);
  }
  if (article.status === 'retired') return refuse('faq.article_retired', command, `${command.articleId} is retired`);
  if (!article.products.includes(command.product)) {
    return refuse('faq.product_not_in_article', command, `${command.articleId} is not about ${command.product}`);
  }
  const twice = command.ticketIds.find((ticketId, index) => command.ticketIds.indexOf(ticketId) !== index);
  if (twice !== undefined) return refuse('faq.duplicate_ticket', command, `${twice} is listed twice`);
  const { type: _type, article: _article, ...entry } = command;
  return ok([faqEvent('FaqEntryPublished', entry)]);
}

export function evolveFaqEntry(state: FaqEntryState, event: FaqEvent): FaqEntryState {
  switch (event.type) {
    case 'FaqEntryPublished': {
      const { type: _type, schemaVersion: _version, ...entry } = event;
      return { ...entry, status: 'published' };
    }
    case 'FaqEntryUnpublished':
      return state.status === 'none' ? state : { ...state, status: 'unpublished' };
    default:
      return assertNever(event);
  }
}

export const faqEntryDecider = {
  decide: decideFaqEntry,
  evolve: evolveFaqEntry,
  initialState: initialFaqEntryState,
} as const;
