import type { Period, Priority, TicketStatus } from '@hotline/domain';
import type { Scope } from './indicator-queries.ts';
import {
  latestProblemTickets,
  type ProblemCount,
  type ProblemTickets,
  problemKey,
  problemOf,
  problemTicketIds,
} from './knowledge-tallies.ts';
import { inPeriod } from './periods.ts';
import type { ReportingView } from './reporting-view.ts';

export { problemKey };

/**
 * How many of a recurring problem's tickets its row names, the latest first: enough to open a few
 * and recognise the problem. Every ticket of a problem comes from `problemTickets` (its own route,
 * paginated): a year's candidates would otherwise carry tens of thousands of ids.
 */
export const LATEST_TICKETS = 5;

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
  /** Its `LATEST_TICKETS` latest tickets, latest reception first. */
  readonly latestTicketIds: readonly string[];
}

export interface FaqCandidates {
  /** Articles linked to at least `minTickets` tickets received in the period: worth a place in the FAQ. */
  readonly articles: readonly ArticleUse[];
  /** Problems reported at least `minTickets` times in the period that no article covers: worth writing one. */
  readonly withoutArticle: readonly RecurringProblem[];
}

/** Article uses and problems counted in a period: whole months from the tallies, any other period by reading every ticket. */
function knowledgeCounts(view: ReportingView, period: Period, scope: Scope) {
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
  return { uses, problems };
}

export function faqCandidates(
  view: ReportingView,
  period: Period,
  minTickets: number,
  scope: Scope = {},
): FaqCandidates {
  const { uses, problems } = knowledgeCounts(view, period, scope);
  const receivedAt = (ticketId: string) => view.tickets.get(ticketId)?.receivedAt ?? 0;
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
      .map(([, counted]) => ({
        product: counted.product,
        problem: counted.problem,
        tickets: counted.count,
        latestTicketIds: latestProblemTickets(counted, receivedAt, LATEST_TICKETS),
      }))
      .sort(
        (a, b) => b.tickets - a.tickets || a.product.localeCompare(b.product) || a.problem.localeCompare(b.problem),
      ),
  };
}

/** A ticket of a recurring problem, as its own list shows it. */
export interface ProblemTicket {
  readonly ticketId: string;
  readonly clientId: string | null;
  readonly priority: Priority;
  readonly status: TicketStatus;
  readonly receivedAt: number;
}

/** Every ticket of a recurring problem received in the period, latest reception first (whether it is a candidate or not). */
export function problemTickets(
  view: ReportingView,
  period: Period,
  problem: { readonly product: string; readonly problem: string },
  scope: Scope = {},
): ProblemTicket[] {
  const counted = knowledgeCounts(view, period, scope).problems.get(`${problem.product}\u0000${problem.problem}`);
  if (counted === undefined) return [];
  return problemTicketIds(counted, (ticketId) => view.tickets.get(ticketId)?.receivedAt ?? 0).flatMap((ticketId) => {
    const entry = view.tickets.get(ticketId);
    if (entry === undefined) return [];
    const { ticket } = entry.record;
    return [
      {
        ticketId,
        clientId: ticket.clientId ?? null,
        priority: ticket.priority,
        status: ticket.status,
        receivedAt: entry.receivedAt,
      },
    ];
  });
}
