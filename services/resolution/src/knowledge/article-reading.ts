import {
  evolveKnowledgeArticle,
  initialKnowledgeArticleState,
  type KnowledgeArticleState,
  type KnowledgeEvent,
  knowledgeEventRegistry,
  readStored,
} from '@hotline/domain';
import type { EventStore } from '@hotline/eventstore';
import { refusalProblem, streams } from '@hotline/platform';
import { citableArticle } from '../domain-additions.ts';

export interface LoadedArticle {
  readonly state: KnowledgeArticleState;
  readonly events: readonly KnowledgeEvent[];
  /** -1n while the article does not exist. */
  readonly revision: bigint;
}

export async function readArticle(store: EventStore, articleId: string): Promise<LoadedArticle> {
  const recorded = await store.readStream(streams.article(articleId));
  const events = recorded.map((event) => {
    return readStored(knowledgeEventRegistry, event);
  });
  return {
    state: events.reduce(evolveKnowledgeArticle, initialKnowledgeArticleState),
    events,
    revision: recorded.at(-1)?.revision ?? -1n,
  };
}

/**
 * Checks that a ticket command may cite the article (answer, workaround, link): a 404 or 409 problem
 * otherwise. The check reads the article as it is when the command runs; the ticket stream records
 * the citation, so a later retirement does not undo it.
 */
export async function ensureCitable(store: EventStore, articleId: string, instance: string): Promise<void> {
  const { state } = await readArticle(store, articleId);
  const cited = citableArticle(state, articleId);
  if (!cited.ok) throw refusalProblem(cited.error, instance);
}
