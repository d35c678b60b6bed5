import { type SkillLevel, skillRank } from '@hotline/domain';
import { yearPeriod } from '../queries/periods.ts';
import type { ReportingView } from '../queries/reporting-view.ts';
import { productWorkloads, type WorkloadThresholds } from '../queries/workload-queries.ts';
import type { TrainingRecord } from './training-record.ts';

const DAY_MS = 86_400_000;

/** When the analysis of resources and skills proposes a training (docs/domain.md says why these). */
export interface ProposalThresholds {
  /** Tickets received in the last 90 days per skilled agent. */
  readonly maxTicketsPer90DaysPerAgent: number;
  /** Tickets received in the year (to date) per skilled agent: the workload view's threshold. */
  readonly maxTicketsPerYearPerAgent: number;
  /** Contracts signed in the year covering the product, per skilled agent. */
  readonly maxNewContractsPerAgent: number;
  /** A product launched this many days ago or less is a new application. */
  readonly newApplicationDays: number;
}

export const defaultProposalThresholds: ProposalThresholds = {
  maxTicketsPer90DaysPerAgent: 100,
  maxTicketsPerYearPerAgent: 400,
  maxNewContractsPerAgent: 2,
  newApplicationDays: 365,
};

export type ProposalReason = 'tickets_90_days' | 'tickets_year' | 'new_contracts' | 'new_application';

export interface TrainingProposal {
  readonly product: string;
  readonly skilledAgents: number;
  readonly ticketsLast90Days: number;
  readonly ticketsYear: number;
  readonly newContracts: number;
  readonly launchedAt: number | null;
  readonly reasons: readonly ProposalReason[];
  /** The reasons in words, with their figures and thresholds (French, then English). */
  readonly reason: string;
  readonly reasonEn: string;
  /** More agents to train so that every figure falls back within its threshold. */
  readonly agentsToTrain: number;
}

/** Over the threshold per skilled agent; with no skilled agent, any load is over. */
const over = (load: number, agents: number, threshold: number) =>
  load > 0 && (agents === 0 || load / agents > threshold);
const agentsFor = (load: number, threshold: number) => (load === 0 ? 0 : Math.ceil(load / threshold));

/**
 * Products to train agents on, as of `asOf` in `year`: tickets of the last 90 days or of the year, or
 * contracts signed in the year, beyond what the skilled agents can take (the thresholds, per agent),
 * and applications launched lately that no agent is skilled on. Figures from the workload view.
 */
export function trainingProposals(
  view: ReportingView,
  year: number,
  asOf: number,
  thresholds: ProposalThresholds,
  workload: WorkloadThresholds,
): TrainingProposal[] {
  const yearly = yearPeriod(year);
  const end = Math.min(asOf, yearly.end);
  const recent = new Map(
    productWorkloads(view, { start: end - 90 * DAY_MS, end }, workload).map((row) => [row.product, row]),
  );
  const proposals: TrainingProposal[] = [];
  for (const row of productWorkloads(view, yearly, workload)) {
    const skilled = row.skilledAgents;
    const last90 = recent.get(row.product)?.received ?? 0;
    const launched = view.products.get(row.product)?.launchedAt ?? null;
    const launchedAt = launched === null ? null : Date.parse(launched);
    const reasons: ProposalReason[] = [];
    const fr: string[] = [];
    const en: string[] = [];
    if (over(last90, skilled, thresholds.maxTicketsPer90DaysPerAgent)) {
      reasons.push('tickets_90_days');
      fr.push(
        `${last90} DI sur 90 jours pour ${skilled} collaborateur(s) formé(s) (seuil ${thresholds.maxTicketsPer90DaysPerAgent} par collaborateur)`,
      );
      en.push(
        `${last90} tickets in 90 days for ${skilled} trained agent(s) (threshold ${thresholds.maxTicketsPer90DaysPerAgent} per agent)`,
      );
    }
    if (over(row.received, skilled, thresholds.maxTicketsPerYearPerAgent)) {
      reasons.push('tickets_year');
      fr.push(
        `${row.received} DI en ${year} pour ${skilled} collaborateur(s) formé(s) (seuil ${thresholds.maxTicketsPerYearPerAgent} par collaborateur)`,
      );
      en.push(
        `${row.received} tickets in ${year} for ${skilled} trained agent(s) (threshold ${thresholds.maxTicketsPerYearPerAgent} per agent)`,
      );
    }
    if (over(row.newContracts, skilled, thresholds.maxNewContractsPerAgent)) {
      reasons.push('new_contracts');
      fr.push(
        `${row.newContracts} nouveau(x) contrat(s) en ${year} pour ${skilled} collaborateur(s) formé(s) (seuil ${thresholds.maxNewContractsPerAgent} par collaborateur)`,
      );
      en.push(
        `${row.newContracts} new contract(s) in ${year} for ${skilled} trained agent(s) (threshold ${thresholds.maxNewContractsPerAgent} per agent)`,
      );
    }
    const isNew =
      launchedAt !== null && launchedAt <= end && end - launchedAt <= thresholds.newApplicationDays * DAY_MS;
    if (isNew && skilled === 0) {
      reasons.push('new_application');
      fr.push(`nouvelle application lancée le ${launched!.slice(0, 10)}, aucun collaborateur formé`);
      en.push(`new application launched on ${launched!.slice(0, 10)}, no trained agent`);
    }
    if (reasons.length === 0) continue;
    const needed = Math.max(
      agentsFor(last90, thresholds.maxTicketsPer90DaysPerAgent),
      agentsFor(row.received, thresholds.maxTicketsPerYearPerAgent),
      agentsFor(row.newContracts, thresholds.maxNewContractsPerAgent),
      isNew ? 1 : 0,
    );
    proposals.push({
      product: row.product,
      skilledAgents: skilled,
      ticketsLast90Days: last90,
      ticketsYear: row.received,
      newContracts: row.newContracts,
      launchedAt,
      reasons,
      reason: fr.join(' ; '),
      reasonEn: en.join('; '),
      agentsToTrain: Math.max(1, needed - skilled),
    });
  }
  return proposals.sort((a, b) => b.agentsToTrain - a.agentsToTrain || a.product.localeCompare(b.product));
}

export interface SkillRow {
  readonly product: string;
  readonly agentId: string;
  readonly name: string;
  /** The level declared (a completed training raises it); null when only the product records the training. */
  readonly level: SkillLevel | null;
}

/** The agents still with the hotline skilled on each product (declared, or trained on it). */
export function skillsPerProduct(view: ReportingView): SkillRow[] {
  const rows = new Map<string, SkillRow>();
  for (const agent of view.agents.values()) {
    if (agent.leftAt !== null) continue;
    for (const skill of agent.skills)
      rows.set(`${skill.product}\u0000${agent.agentId}`, {
        product: skill.product,
        agentId: agent.agentId,
        name: agent.name,
        level: skill.level,
      });
  }
  for (const product of view.products.values())
    for (const agentId of product.trainedAgents) {
      const agent = view.agents.get(agentId);
      if (agent?.leftAt != null || rows.has(`${product.product}\u0000${agentId}`)) continue;
      rows.set(`${product.product}\u0000${agentId}`, {
        product: product.product,
        agentId,
        name: agent?.name ?? agentId,
        level: null,
      });
    }
  return [...rows.values()].sort(
    (a, b) =>
      a.product.localeCompare(b.product) ||
      (b.level === null ? 0 : skillRank[b.level]) - (a.level === null ? 0 : skillRank[a.level]) ||
      a.agentId.localeCompare(b.agentId),
  );
}

/** Trainings planned on, completed on or cancelled with a planned day in the year (all when no year). */
export function trainings(view: ReportingView, year?: number): TrainingRecord[] {
  return [...view.steering.trainings.values()]
    .filter(
      (training) =>
        year === undefined ||
        training.plannedOn.startsWith(String(year)) ||
        (training.completedOn ?? '').startsWith(String(year)),
    )
    .sort((a, b) => (a.completedOn ?? a.plannedOn).localeCompare(b.completedOn ?? b.plannedOn));
}
