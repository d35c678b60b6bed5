import { type DomainError, domainError } from '../shared/domain-error.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { KnowledgeArticle, KnowledgeArticleState } from './knowledge-decider.ts';

/**
 * An answer, a workaround or a link to a ticket cites a published article. A retired article stays
 * readable for the tickets that already cite it, but new work cites its replacement.
 */
export function citableArticle(state: KnowledgeArticleState, articleId: string): Result<KnowledgeArticle, DomainError> {
  if (state.status === 'none') {
    return err(domainError('article.not_found', `No article ${articleId}: it was never published`, { articleId }));
  }
  if (state.status === 'retired') {
    return err(domainError('article.retired', `Article ${articleId} is retired: cite its replacement`, { articleId }));
  }
  return ok(state);
}
