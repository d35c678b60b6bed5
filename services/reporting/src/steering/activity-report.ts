import { formatMoney, type Indicators } from '@hotline/domain';
import { type VolumeRow, volumes } from '../queries/activity-queries.ts';
import { indicatorsOf } from '../queries/indicator-queries.ts';
import { type OverrunRow, overrunsIn } from '../queries/overrun-queries.ts';
import { type ClaimingClient, claimingClients } from '../queries/penalty-queries.ts';
import { monthPeriod, yearPeriod } from '../queries/periods.ts';
import type { ReportingView } from '../queries/reporting-view.ts';
import type { WorkloadThresholds } from '../queries/workload-queries.ts';
import { type BillingTotal, billingTotals } from './billing-queries.ts';
import { type CatalogueChange, type CatalogueRow, catalogueChanges, productCatalogue } from './catalogue-queries.ts';
import { type YearObjectives, yearObjectives } from './objective-progress.ts';
import {
  type ContextRow,
  clientContexts,
  clientReviews,
  type ReviewDueRow,
  type ReviewRow,
  reviewsDue,
} from './review-queries.ts';
import { type TimeRow, timeSpent } from './time-queries.ts';
import {
  type ProposalThresholds,
  type SkillRow,
  skillsPerProduct,
  type TrainingProposal,
  trainingProposals,
  trainings,
} from './training-queries.ts';
import type { TrainingRecord } from './training-record.ts';

export interface ProposedAction {
  readonly kind: 'objective_missed' | 'objective_at_risk' | 'budget' | 'training' | 'client_review';
  /** What it is about: an indicator (and priority), a product, a client. */
  readonly subject: string;
  readonly fr: string;
  readonly en: string;
}

/**
 * The yearly activity report (bilan d'activité) as data: every figure is the answer of the query the
 * API serves for the same table (named beside each field), so that the report and the dashboard agree.
 */
export interface ActivityReport {
  readonly year: number;
  readonly asOfAt: number;
  /** `/reports/objectives/:year`. */
  readonly objectives: YearObjectives;
  /** `/indicators/:year`. */
  readonly indicators: Indicators;
  /** `/reports/activity/volumes?year=`; `months`: the same per month of the year; `previousYear`: the year before. */
  readonly volumes: {
    readonly received: number;
    readonly previousYear: number;
    readonly months: readonly { readonly month: number; readonly received: number }[];
    readonly rows: readonly VolumeRow[];
  };
  /** `/reports/overruns?year=`. */
  readonly overruns: { readonly tickets: number; readonly overrunDays: number; readonly items: readonly OverrunRow[] };
  /** `/reports/clients/reviews-due`, `/reports/reviews?year=`, `/reports/reviews/contexts`, `/reports/penalties/claims?year=`. */
  readonly clients: {
    readonly contexts: readonly ContextRow[];
    readonly reviewsHeld: readonly ReviewRow[];
    readonly reviewsDue: readonly ReviewDueRow[];
    readonly claims: readonly ClaimingClient[];
  };
  /** `/reports/billing/totals?month=<year>` and `/reports/time?by=product&year=`. */
  readonly billing: { readonly totals: readonly BillingTotal[]; readonly amountCents: number };
  readonly time: readonly TimeRow[];
  /** `/reports/products?year=` and `/reports/products/changes?year=`. */
  readonly products: { readonly catalogue: readonly CatalogueRow[]; readonly changes: readonly CatalogueChange[] };
  /** `/reports/products/skills`, `/reports/trainings?year=`, `/reports/trainings/proposals?year=`. */
  readonly resources: {
    readonly skills: readonly SkillRow[];
    readonly trainings: readonly TrainingRecord[];
    readonly proposals: readonly TrainingProposal[];
  };
  readonly actions: readonly ProposedAction[];
}

const nameOf = (check: { indicator: string; priority: string | null }) =>
  check.priority === null ? check.indicator : `${check.indicator}/${check.priority}`;

/** The indicators as the report names them (DOMAIN.md's five), in French and English. */
export const indicatorWords = {
  fr: {
    malfunctions: 'Dysfonctionnements résolus dans les délais (%)',
    functional: 'Demandes fonctionnelles résolues dans les délais (%)',
    productionOverrunDays: 'Jours de dépassement en production',
    productionOverThirtyDays: 'DI de production à plus de 30 jours',
    claimingClients: 'Clients ayant réclamé des pénalités',
  },
  en: {
    malfunctions: 'Malfunctions resolved within deadlines (%)',
    functional: 'Functional requests resolved within deadlines (%)',
    productionOverrunDays: 'Production overrun days',
    productionOverThirtyDays: 'Production tickets over 30 days',
    claimingClients: 'Clients that claimed penalties',
  },
} as const;

const labelOf = (language: 'fr' | 'en', check: { indicator: string; priority: string | null }) =>
  `${indicatorWords[language][check.indicator as keyof (typeof indicatorWords)['fr']] ?? check.indicator}${check.priority === null ? '' : ` ${check.priority}`}`;
const euros = (cents: number, language: 'fr' | 'en') =>
  formatMoney(cents, 'EUR', language === 'fr' ? 'fr-FR' : 'en-GB');

/** Received tickets in the volumes: every ticket has a nature, so their sum along it is the total. */
const receivedIn = (rows: readonly VolumeRow[]) =>
  rows.filter((row) => row.dimension === 'nature').reduce((sum, row) => sum + row.received, 0);

export function activityReport(
  view: ReportingView,
  year: number,
  now: number,
  thresholds: { readonly proposals: ProposalThresholds; readonly workload: WorkloadThresholds },
): ActivityReport {
  const period = yearPeriod(year);
  const objectives = yearObjectives(view, year, now);
  const rows = volumes(view, period);
  const firstMonth = year * 12;
  const overruns = overrunsIn(view, period, now);
  const totals = billingTotals(view, { month: String(year) });
  const proposals = trainingProposals(view, year, now, thresholds.proposals, thresholds.workload);
  const due = reviewsDue(view, now);
  const report: Omit<ActivityReport, 'actions'> = {
    year,
    asOfAt: now,
    objectives,
    indicators: indicatorsOf(view, period, now),
    volumes: {
      received: receivedIn(rows),
      previousYear: receivedIn(volumes(view, yearPeriod(year - 1))),
      months: Array.from({ length: 12 }, (_, index) => ({
        month: index + 1,
        received: receivedIn(volumes(view, monthPeriod(firstMonth + index))),
      })),
      rows,
    },
    overruns: {
      tickets: overruns.length,
      overrunDays: overruns.reduce((sum, row) => sum + row.overrunDays, 0),
      items: overruns,
    },
    clients: {
      contexts: clientContexts(view, now),
      reviewsHeld: clientReviews(view, now, { from: period.start, to: period.end }).filter(
        (review) => review.state === 'held',
      ),
      reviewsDue: due,
      claims: claimingClients(view, period),
    },
    billing: { totals, amountCents: totals.reduce((sum, total) => sum + total.amountCents, 0) },
    time: timeSpent(view, period, 'product'),
    products: { catalogue: productCatalogue(view, period, now), changes: catalogueChanges(view, period) },
    resources: { skills: skillsPerProduct(view), trainings: trainings(view, year), proposals },
  };
  return { ...report, actions: proposedActions(report) };
}

/** The actions the figures call for: missed or threatened objectives and budget, trainings, reviews due. */
function proposedActions(report: Omit<ActivityReport, 'actions'>): ProposedAction[] {
  const actions: ProposedAction[] = [];
  for (const check of report.objectives.objectives) {
    if (check.status !== 'missed' && check.status !== 'at_risk') continue;
    const subject = nameOf(check);
    const missed = check.status === 'missed';
    actions.push({
      kind: missed ? 'objective_missed' : 'objective_at_risk',
      subject,
      fr: `${labelOf('fr', check)} : objectif ${check.target}, réalisé ${check.actual === null ? '—' : round(check.actual)} — ${missed ? 'analyser les causes et renforcer le suivi' : 'surveiller et agir avant la fin de l’année'}`,
      en: `${labelOf('en', check)}: target ${check.target}, actual ${check.actual === null ? '—' : round(check.actual)} — ${missed ? 'analyse the causes and strengthen the follow-up' : 'watch it and act before the year ends'}`,
    });
  }
  const budget = report.objectives.budget;
  if (budget !== null && budget.status !== 'met')
    actions.push({
      kind: 'budget',
      subject: 'penaltyBudget',
      fr: `Provision de pénalités ${euros(budget.provisionCents, 'fr')} (projetée ${euros(budget.projectedCents, 'fr')}) pour un budget de ${euros(budget.budgetCents, 'fr')} : revoir les causes des dépassements`,
      en: `Penalty provision ${euros(budget.provisionCents, 'en')} (projected ${euros(budget.projectedCents, 'en')}) against a budget of ${euros(budget.budgetCents, 'en')}: review the causes of the overruns`,
    });
  for (const proposal of report.resources.proposals)
    actions.push({
      kind: 'training',
      subject: proposal.product,
      fr: `Former ${proposal.agentsToTrain} collaborateur(s) sur ${proposal.product} : ${proposal.reason}`,
      en: `Train ${proposal.agentsToTrain} agent(s) on ${proposal.product}: ${proposal.reasonEn}`,
    });
  for (const due of report.clients.reviewsDue)
    actions.push({
      kind: 'client_review',
      subject: due.clientId,
      fr: `Point client ${due.clientId} : ${dueWords.fr[due.reason]}${due.context === null ? '' : ` (${due.context})`}`,
      en: `Client review ${due.clientId}: ${dueWords.en[due.reason]}${due.context === null ? '' : ` (${due.context})`}`,
    });
  return actions;
}

const round = (value: number) => Math.round(value * 10) / 10;

export const dueWords = {
  fr: {
    context_without_review: 'contexte sans point prévu',
    requested_not_held: 'point demandé, pas encore tenu',
    minutes_missing: 'date passée sans compte rendu',
  },
  en: {
    context_without_review: 'context without a review scheduled',
    requested_not_held: 'review requested, not yet held',
    minutes_missing: 'date passed without minutes',
  },
} as const;
