import { type DomainError, domainError } from '../shared/domain-error.ts';
import { assertNever, err, ok, type Result } from '../shared/result.ts';
import type { KnowledgeCommand } from './knowledge-commands.ts';
import { type KnowledgeEvent, knowledgeEvent } from './knowledge-events.ts';

export interface KnowledgeArticle {
  readonly status: 'published' | 'retired';
  readonly articleId: string;
  readonly title: string;
  readonly products: readonly string[];
}

export type KnowledgeArticleState = { readonly status: 'none' } | KnowledgeArticle;

export const initialKnowledgeArticleState: KnowledgeArticleState = { status: 'none' };

type Decision = Result<KnowledgeEvent[], DomainError>;

function refuse(code: string, command: KnowledgeCommand, why: string): Decision {
  const message = `Cannot ${command.type} for article ${command.articleId}: ${why}`;
  return err(domainError(code, message, { articleId: command.articleId }));
}

export function decideKnowledgeArticle(command: KnowledgeCommand, state: KnowledgeArticleState): Decision {
  if (command.type === 'PublishArticle') {
    if (state.status !== 'none') return refuse('article.already_published', command, `it is ${state.status}`);
    const { type: _type, ...publication } = command;
    return ok([knowledgeEvent('KnowledgeArticlePublished', publication)]);
  }
  if (state.status === 'none') return refuse('article.not_found', command, 'it was never published');
  // A retired article stays readable for the tickets that link it, but is no longer maintained.
  if (state.status === 'retired') return refuse('article.retired', command, 'it is retired');
  switch (command.type) {
    case 'UpdateArticle': {
      const { type: _type, ...update } = command;
      const { articleId: _id, by: _by, at: _at, ...changes } = update;
      if (Object.values(changes).every((value) => value === undefined)) {
        return refuse('article.nothing_to_update', command, 'the command changes nothing');
      }
      return ok([knowledgeEvent('KnowledgeArticleUpdated', update)]);
    }
    case 'RetireArticle': {
      if (command.replacedBy === command.articleId) {
        return refuse('article.replaced_by_itself', command, 'an article cannot replace itself');
      }
      const { type: _type, ...retirement } = command;
      return ok([knowledgeEvent('KnowledgeArticleRetired', retirement)]);
    }
    default:
      return assertNever(command);
  }
}

export function evolveKnowledgeArticle(state: KnowledgeArticleState, event: KnowledgeEvent): KnowledgeArticleState {
  switch (event.type) {
    case 'KnowledgeArticlePublished':
      return { status: 'published', articleId: event.articleId, title: event.title, products: event.products };
    case 'KnowledgeArticleUpdated':
      if (state.status === 'none') return state;
      return { ...state, title: event.title ?? state.title, products: event.products ?? state.products };
    case 'KnowledgeArticleRetired':
      return state.status === 'none' ? state : { ...state, status: 'retired' };
    default:
      return assertNever(event);
  }
}

export const knowledgeArticleDecider = {
  decide: decideKnowledgeArticle,
  evolve: evolveKnowledgeArticle,
  initialState: initialKnowledgeArticleState,
} as const;
