import type { Period } from '@hotline/domain';
import type { Scope } from './indicator-queries.ts';
import { inPeriod } from './periods.ts';
import type { ReportingView } from './reporting-view.ts';

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

const PROBLEM_WORDS = 8;

/**
 * The description a client gives, reduced to what recurs: lower case, no accents, digits or
 * punctuation (order numbers, dates), its first words. Two tickets describing the same problem in
 * the same words fall together; the rule is documented in docs/domain.md.
 */
export function problemKey(description: string): string {
  return description
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z\s]+/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 2)
    .slice(0, PROBLEM_WORDS)
    .join(' ');
}

export function faqCandidates(
  view: ReportingView,
  period: Period,
  minTickets: number,
  scope: Scope = {},
): FaqCandidates {
  const uses = new Map<string, number>();
  const problems = new Map<string, { product: string; problem: string; ticketIds: string[] }>();
  for (const entry of view.tickets.values()) {
    const { ticket, articles } = entry.record;
    if (scope.clientId !== undefined && ticket.clientId !== scope.clientId) continue;
    if (!inPeriod(period, entry.receivedAt)) continue;
    for (const articleId of articles) uses.set(articleId, (uses.get(articleId) ?? 0) + 1);
    if (articles.length > 0 || ticket.description === undefined || ticket.product === undefined) continue;
    const problem = problemKey(ticket.description);
    if (problem === '') continue;
    const key = `${ticket.product}\u0000${problem}`;
    const group = problems.get(key) ?? { product: ticket.product, problem, ticketIds: [] };
    group.ticketIds.push(ticket.ticketId);
    problems.set(key, group);
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
      .filter(([key, group]) => group.ticketIds.length >= minTickets && !covered.has(key))
      .map(([, group]) => ({ ...group, tickets: group.ticketIds.length }))
      .sort(
        (a, b) => b.tickets - a.tickets || a.product.localeCompare(b.product) || a.problem.localeCompare(b.problem),
      ),
  };
}
