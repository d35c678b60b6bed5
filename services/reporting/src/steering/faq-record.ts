import type { FaqEvent } from '@hotline/domain';

/** A FAQ entry (`faq-<entryId>`): its question, product and the tickets it answered; the answer stays in the store. */
export interface FaqRecord {
  readonly kind: 'faq';
  readonly entryId: string;
  readonly articleId: string;
  readonly product: string;
  readonly question: string;
  readonly ticketIds: readonly string[];
  readonly publishedAt: string;
  readonly unpublishedAt: string | null;
}

export function foldFaqRecord(record: FaqRecord | undefined, event: FaqEvent): FaqRecord {
  switch (event.type) {
    case 'FaqEntryPublished':
      // Published again after an unpublication: the new content replaces the entry's.
      return {
        kind: 'faq',
        entryId: event.entryId,
        articleId: event.articleId,
        product: event.product,
        question: event.question,
        ticketIds: event.ticketIds,
        publishedAt: event.at,
        unpublishedAt: null,
      };
    case 'FaqEntryUnpublished':
      if (record === undefined) throw new Error(`FAQ entry ${event.entryId}: unpublished before it was published`);
      return { ...record, unpublishedAt: event.at };
  }
}
