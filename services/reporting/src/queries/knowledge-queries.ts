import type { Period } from '@hotline/domain';
import type { Scope } from './indicator-queries.ts';
import {
  type ProblemCount,
  type ProblemTickets,
  problemKey,
  problemOf,
  problemTicketIds,
} from './knowledge-tallies.ts';
import { inPeriod } from './periods.ts';
import type { ReportingView } from './reporting-view.ts';

export { problemKey };

export interface ArticleUse {
  readonly articleId: string;
  readonly title: string;
  readonly products: readonly string[];
  readonly retired: boolean;
  readonly tickets: number;
}

export interface RecurringProblem {
  readonly product: string;
  /** The words that recur (the description, normalised). */
  readonly problem: string;
  readonly tickets: number;
  readonly ticketIds: readonly string[];
}

export interface FaqCandidates {
  /** Articles linked to at least `minTickets` tickets received in the period: worth a place in the FAQ. */
  readonly articles: readonly ArticleUse[];
  /** Problems reported at least `minTickets` times in the period that no article covers: worth writing one. */
  readonly withoutArticle: readonly RecurringProblem[];
}

export function faqCandidates(
  view: ReportingView,
  period: Period,
  minTickets: number,
  scope: Scope = {},
): FaqCandidates {
  // Whole months: the counts kept per month as tickets change; any other period reads every ticket.
  const kept = view.knowledge().countsOf(period, scope.clientId);
  const uses = kept?.uses ?? new Map<string, number>();
  const problems = kept?.problems ?? new Map<string, ProblemCount>();
  if (kept === null) {
    const seen = new Map<string, ProblemTickets>();
    for (const entry of view.tickets.values()) {
      const { ticket, articles } = entry.record;
      if (scope.clientId !== undefined && ticket.clientId !== scope.clientId) continue;
      if (!inPeriod(period, entry.receivedAt)) continue;
      for (const articleId of articles) uses.set(articleId, (uses.get(articleId) ?? 0) + 1);
      const problem = articles.length > 0 ? null : problemOf(ticket);
      if (problem === null) continue;
      let tickets = seen.get(problem.key);
      if (tickets === undefined) {
        tickets = { product: problem.product, problem: problem.problem, tickets: new Map() };
        seen.set(problem.key, tickets);
        problems.set(problem.key, { product: problem.product, problem: problem.problem, count: 0, parts: [tickets] });
      }
      tickets.tickets.set(ticket.ticketId, entry.place);
      problems.get(problem.key)!.count++;
    }
  }
  // A problem an article already names among its symptoms has its article, even if nobody linked it.
  const covered = new Set<string>();
  for (const article of view.articles.values()) {
    if (article.retired) continue;
    for (const product of article.products)
      for (const symptom of article.symptoms) covered.add(`${product}\u0000${problemKey(symptom)}`);
  }
  return {
    articles: [...uses.entries()]
      .filter(([, tickets]) => tickets >= minTickets)
      .map(([articleId, tickets]) => {
        const article = view.articles.get(articleId);
        return {
          articleId,
          title: article?.title ?? articleId,
          products: article?.products ?? [],
          retired: article?.retired ?? false,
          tickets,
        };
      })
      .sort((a, b) => b.tickets - a.tickets || a.articleId.localeCompare(b.articleId)),
    withoutArticle: [...problems.entries()]
      .filter(([key, counted]) => counted.count >= minTickets && !covered.has(key))
      .map(([, counted]) => {
        const ticketIds = problemTicketIds(counted);
        return { product: counted.product, problem: counted.problem, ticketIds, tickets: ticketIds.length };
      })
      .sort(
        (a, b) => b.tickets - a.tickets || a.product.localeCompare(b.product) || a.problem.localeCompare(b.problem),
      ),
  };
}
