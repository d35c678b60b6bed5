import type { Indicators, Priority } from '@hotline/domain';
import type { BacklogPoint, InterventionRow, VolumeRow } from '../queries/activity-queries.ts';
import type { ArticleUse, ProblemTicket, RecurringProblem } from '../queries/knowledge-queries.ts';
import type { OverrunRow, PastDueRow } from '../queries/overrun-queries.ts';
import type { ClaimingClient, ContractYearPenalties, TicketPenaltyRow } from '../queries/penalty-queries.ts';
import type { ClientProcessingTimes, DurationStatistics } from '../queries/processing-time-queries.ts';
import type { TicketRow } from '../queries/ticket-queries.ts';
import type { ProductWorkload } from '../queries/workload-queries.ts';
import type { CsvColumn } from './csv-table.ts';

const HOUR_MS = 3_600_000;
const hours = (ms: number | null) => (ms === null ? null : ms / HOUR_MS);

export const ticketColumns: readonly CsvColumn<TicketRow>[] = [
  { fr: 'DI', en: 'Ticket', value: (row) => row.ticketId },
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  { fr: 'Produit', en: 'Product', value: (row) => row.product },
  { fr: 'Nature', en: 'Nature', value: (row) => row.nature },
  { fr: 'Priorité', en: 'Priority', value: (row) => row.priority },
  { fr: 'Environnement', en: 'Environment', value: (row) => row.environment },
  { fr: 'Statut', en: 'Status', value: (row) => row.status },
  { fr: 'Couverture', en: 'Coverage', value: (row) => row.coverage },
  { fr: 'Contrat', en: 'Contract', value: (row) => row.contractId },
  { fr: 'Collaborateur', en: 'Agent', value: (row) => row.assignee },
  { fr: 'Reçue le', en: 'Received at', kind: 'instant', value: (row) => row.receivedAt },
  { fr: 'Résolue le', en: 'Resolved at', kind: 'instant', value: (row) => row.resolvedAt },
  { fr: 'Clôturée le', en: 'Closed at', kind: 'instant', value: (row) => row.closedAt },
  { fr: 'Réouvertures', en: 'Reopenings', kind: 'number', value: (row) => row.reopenCount },
  { fr: 'Échéance PEC', en: 'Take-charge due', kind: 'instant', value: (row) => row.targets.takeCharge?.dueAt },
  { fr: 'État PEC', en: 'Take-charge status', value: (row) => row.targets.takeCharge?.status },
  {
    fr: 'Échéance contournement',
    en: 'Workaround due',
    kind: 'instant',
    value: (row) => row.targets.workaround?.dueAt,
  },
  { fr: 'État contournement', en: 'Workaround status', value: (row) => row.targets.workaround?.status },
  { fr: 'Échéance résolution', en: 'Resolution due', kind: 'instant', value: (row) => row.targets.resolution?.dueAt },
  { fr: 'État résolution', en: 'Resolution status', value: (row) => row.targets.resolution?.status },
  { fr: 'Situation SLA', en: 'SLA standing', value: (row) => row.sla },
  { fr: 'Prochaine échéance', en: 'Next due', kind: 'instant', value: (row) => row.nextDueAt },
  { fr: 'Jours de dépassement', en: 'Overrun days', kind: 'number', value: (row) => row.overrunDays },
  { fr: 'Dans les délais', en: 'Within deadlines', kind: 'boolean', value: (row) => row.withinDeadlines },
  { fr: 'Pénalité (€)', en: 'Penalty', kind: 'money', value: (row) => row.penaltyCents },
];

export interface IndicatorRow {
  readonly priority: Priority | 'all';
  readonly indicators: Indicators;
}

export const indicatorColumns: readonly CsvColumn<IndicatorRow>[] = [
  { fr: 'Priorité', en: 'Priority', value: (row) => (row.priority === 'all' ? 'toutes' : row.priority) },
  {
    fr: 'Dysfonctionnements résolus dans les délais',
    en: 'Malfunctions resolved within deadlines',
    kind: 'number',
    value: (row) => (row.priority === 'all' ? null : row.indicators.byPriority[row.priority].malfunctions.within),
  },
  {
    fr: 'Dysfonctionnements résolus',
    en: 'Malfunctions resolved',
    kind: 'number',
    value: (row) => (row.priority === 'all' ? null : row.indicators.byPriority[row.priority].malfunctions.resolved),
  },
  {
    fr: 'Demandes fonctionnelles résolues dans les délais',
    en: 'Functional requests resolved within deadlines',
    kind: 'number',
    value: (row) => (row.priority === 'all' ? null : row.indicators.byPriority[row.priority].functional.within),
  },
  {
    fr: 'Demandes fonctionnelles résolues',
    en: 'Functional requests resolved',
    kind: 'number',
    value: (row) => (row.priority === 'all' ? null : row.indicators.byPriority[row.priority].functional.resolved),
  },
  {
    fr: 'Jours de dépassement (production)',
    en: 'Production overrun days',
    kind: 'number',
    value: (row) => (row.priority === 'all' ? null : row.indicators.byPriority[row.priority].productionOverrunDays),
  },
  {
    fr: 'DI de production à plus de 30 jours',
    en: 'Production tickets over 30 days',
    kind: 'number',
    value: (row) => (row.priority === 'all' ? null : row.indicators.byPriority[row.priority].productionOverThirtyDays),
  },
  {
    fr: 'Clients ayant levé des pénalités',
    en: 'Clients that claimed penalties',
    kind: 'number',
    value: (row) =>
      row.priority === 'all'
        ? row.indicators.claimingClients.length
        : row.indicators.byPriority[row.priority].claimingClients,
  },
  {
    fr: 'Interventions facturées hors contrat',
    en: 'Billable out-of-contract interventions',
    kind: 'number',
    value: (row) => (row.priority === 'all' ? row.indicators.billableOutOfContract : null),
  },
];

export const overrunColumns: readonly CsvColumn<OverrunRow>[] = [
  { fr: 'DI', en: 'Ticket', value: (row) => row.ticketId },
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  { fr: 'Contrat', en: 'Contract', value: (row) => row.contractId },
  { fr: 'Produit', en: 'Product', value: (row) => row.product },
  { fr: 'Nature', en: 'Nature', value: (row) => row.nature },
  { fr: 'Priorité', en: 'Priority', value: (row) => row.priority },
  { fr: 'Environnement', en: 'Environment', value: (row) => row.environment },
  { fr: 'Reçue le', en: 'Received at', kind: 'instant', value: (row) => row.receivedAt },
  { fr: 'Échéance résolution', en: 'Resolution due', kind: 'instant', value: (row) => row.resolutionDueAt },
  { fr: 'Résolue le', en: 'Resolved at', kind: 'instant', value: (row) => row.resolvedAt },
  { fr: 'Dépassement (heures)', en: 'Overrun (hours)', kind: 'number', value: (row) => hours(row.overrunMs) },
  { fr: 'Jours de dépassement', en: 'Overrun days', kind: 'number', value: (row) => row.overrunDays },
  { fr: 'Pénalité (€)', en: 'Penalty', kind: 'money', value: (row) => row.penaltyCents },
];

export const pastDueColumns: readonly CsvColumn<PastDueRow>[] = [
  { fr: 'DI', en: 'Ticket', value: (row) => row.ticketId },
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  { fr: 'Contrat', en: 'Contract', value: (row) => row.contractId },
  { fr: 'Produit', en: 'Product', value: (row) => row.product },
  { fr: 'Priorité', en: 'Priority', value: (row) => row.priority },
  { fr: 'Statut', en: 'Status', value: (row) => row.status },
  { fr: 'Collaborateur', en: 'Agent', value: (row) => row.assignee },
  { fr: 'Échéance manquée', en: 'Missed target', value: (row) => row.target },
  { fr: 'Échéance', en: 'Due at', kind: 'instant', value: (row) => row.dueAt },
  { fr: 'Retard (heures)', en: 'Late (hours)', kind: 'number', value: (row) => hours(row.lateMs) },
];

export const contractYearColumns: readonly CsvColumn<ContractYearPenalties>[] = [
  { fr: 'Contrat', en: 'Contract', value: (row) => row.contractId },
  { fr: 'Référence', en: 'Reference', value: (row) => row.reference },
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  { fr: 'Année contractuelle', en: 'Contract year', kind: 'number', value: (row) => row.contractYear.index + 1 },
  { fr: 'Du', en: 'From', value: (row) => row.contractYear.startsOn },
  { fr: 'Au (exclu)', en: 'To (excluded)', value: (row) => row.contractYear.endsBefore },
  { fr: 'Redevance annuelle', en: 'Annual fee', kind: 'money', value: (row) => row.annualFeeCents },
  { fr: 'Pénalités acquises', en: 'Accrued', kind: 'money', value: (row) => row.accruedCents },
  { fr: 'Plafond annuel', en: 'Year cap', kind: 'money', value: (row) => row.yearCapCents },
  { fr: 'Provision', en: 'Provision', kind: 'money', value: (row) => row.provisionCents },
  { fr: 'Plafonnée', en: 'Capped', kind: 'boolean', value: (row) => row.cappedAtYear },
  { fr: 'Réclamations', en: 'Claims', kind: 'number', value: (row) => row.claimed.count },
  { fr: 'Montants réclamés', en: 'Claimed amounts', kind: 'money', value: (row) => row.claimed.cents },
  { fr: 'Provision réclamée', en: 'Provision claimed', kind: 'money', value: (row) => row.claimed.provisionedCents },
  { fr: 'Réglées', en: 'Settled', kind: 'number', value: (row) => row.settled.count },
  { fr: 'Montants réglés', en: 'Settled amounts', kind: 'money', value: (row) => row.settled.cents },
  { fr: 'Abandonnées', en: 'Waived', kind: 'number', value: (row) => row.waived.count },
  { fr: 'Provision abandonnée', en: 'Provision waived', kind: 'money', value: (row) => row.waived.provisionedCents },
  { fr: 'Réclamations en cours', en: 'Open claims', kind: 'number', value: (row) => row.openClaims },
];

export const ticketPenaltyColumns: readonly CsvColumn<
  TicketPenaltyRow & { contractId: string; contractYear: number }
>[] = [
  { fr: 'Contrat', en: 'Contract', value: (row) => row.contractId },
  { fr: 'Année contractuelle', en: 'Contract year', kind: 'number', value: (row) => row.contractYear },
  { fr: 'DI', en: 'Ticket', value: (row) => row.ticketId },
  { fr: 'Priorité', en: 'Priority', value: (row) => row.priority },
  { fr: 'Ouverte', en: 'Open', kind: 'boolean', value: (row) => row.open },
  { fr: 'Acquise le', en: 'Accrued at', kind: 'instant', value: (row) => row.accruedAt },
  { fr: 'Jours de dépassement', en: 'Overrun days', kind: 'number', value: (row) => row.overrunDays },
  { fr: 'Montant par jour', en: 'Per day', kind: 'money', value: (row) => row.perDayCents },
  { fr: 'Avant plafond', en: 'Uncapped', kind: 'money', value: (row) => row.uncappedCents },
  { fr: 'Plafond par DI', en: 'Ticket cap', kind: 'money', value: (row) => row.ticketCapCents },
  { fr: 'Plafonnée (DI)', en: 'Capped (ticket)', kind: 'boolean', value: (row) => row.cappedAtTicket },
  { fr: 'Pénalité', en: 'Penalty', kind: 'money', value: (row) => row.amountCents },
  { fr: 'Part provisionnée', en: 'Provisioned share', kind: 'money', value: (row) => row.allocatedCents },
  { fr: 'Réclamations', en: 'Claims', kind: 'number', value: (row) => row.claims },
];

export const claimingClientColumns: readonly CsvColumn<ClaimingClient>[] = [
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  { fr: 'Réclamations', en: 'Claims', kind: 'number', value: (row) => row.claims },
  { fr: 'Montants réclamés', en: 'Claimed amounts', kind: 'money', value: (row) => row.claimedCents },
  { fr: 'En cours', en: 'Open', kind: 'number', value: (row) => row.open },
  { fr: 'Réglées', en: 'Settled', kind: 'number', value: (row) => row.settled },
  { fr: 'Montants réglés', en: 'Settled amounts', kind: 'money', value: (row) => row.settledCents },
  { fr: 'Abandonnées', en: 'Waived', kind: 'number', value: (row) => row.waived },
  { fr: 'DI', en: 'Tickets', value: (row) => row.tickets.join(', ') },
];

const durationColumns = (
  name: 'takeCharge' | 'resolution',
  fr: string,
  en: string,
): CsvColumn<ClientProcessingTimes>[] => {
  const of = (row: ClientProcessingTimes): DurationStatistics => row[name];
  return [
    { fr: `${fr} : DI`, en: `${en}: tickets`, kind: 'number', value: (row) => of(row).count },
    {
      fr: `${fr} : médiane (h)`,
      en: `${en}: median (h)`,
      kind: 'number',
      value: (row) => hours(of(row).elapsedMedianMs),
    },
    {
      fr: `${fr} : 90e centile (h)`,
      en: `${en}: 90th percentile (h)`,
      kind: 'number',
      value: (row) => hours(of(row).elapsedP90Ms),
    },
    {
      fr: `${fr} : médiane décomptée (h)`,
      en: `${en}: counted median (h)`,
      kind: 'number',
      value: (row) => hours(of(row).countedMedianMs),
    },
    {
      fr: `${fr} : 90e centile décompté (h)`,
      en: `${en}: counted 90th percentile (h)`,
      kind: 'number',
      value: (row) => hours(of(row).countedP90Ms),
    },
    {
      fr: `${fr} : dans les délais (%)`,
      en: `${en}: within deadline (%)`,
      kind: 'percent',
      value: (row) => of(row).withinDeadlineRate,
    },
  ];
};

export const processingTimeColumns: readonly CsvColumn<ClientProcessingTimes>[] = [
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  ...durationColumns('takeCharge', 'PEC', 'Take-charge'),
  ...durationColumns('resolution', 'Résolution', 'Resolution'),
];

export const volumeColumns: readonly CsvColumn<VolumeRow>[] = [
  { fr: 'Axe', en: 'Dimension', value: (row) => row.dimension },
  { fr: 'Valeur', en: 'Value', value: (row) => row.value },
  { fr: 'DI reçues', en: 'Received', kind: 'number', value: (row) => row.received },
];

export const backlogColumns: readonly CsvColumn<BacklogPoint>[] = [
  { fr: 'Au', en: 'At', kind: 'instant', value: (row) => row.at },
  { fr: 'DI ouvertes', en: 'Open tickets', kind: 'number', value: (row) => row.open },
];

export const interventionColumns: readonly CsvColumn<InterventionRow>[] = [
  { fr: 'DI', en: 'Ticket', value: (row) => row.ticketId },
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  { fr: 'Produit', en: 'Product', value: (row) => row.product },
  { fr: 'Nature', en: 'Nature', value: (row) => row.nature },
  { fr: 'Couverture', en: 'Coverage', value: (row) => row.coverage },
  { fr: 'Motif', en: 'Reason', value: (row) => row.reason },
  { fr: 'Reçue le', en: 'Received at', kind: 'instant', value: (row) => row.receivedAt },
  { fr: 'Statut', en: 'Status', value: (row) => row.status },
  { fr: 'Temps passé (min)', en: 'Time spent (min)', kind: 'number', value: (row) => row.minutesSpent },
];

export const articleUseColumns: readonly CsvColumn<ArticleUse>[] = [
  { fr: 'Article', en: 'Article', value: (row) => row.articleId },
  { fr: 'Titre', en: 'Title', value: (row) => row.title },
  { fr: 'Produits', en: 'Products', value: (row) => row.products.join(', ') },
  { fr: 'Retiré', en: 'Retired', kind: 'boolean', value: (row) => row.retired },
  { fr: 'DI liées', en: 'Linked tickets', kind: 'number', value: (row) => row.tickets },
];

export const recurringProblemColumns: readonly CsvColumn<RecurringProblem>[] = [
  { fr: 'Produit', en: 'Product', value: (row) => row.product },
  { fr: 'Problème', en: 'Problem', value: (row) => row.problem },
  { fr: 'DI', en: 'Tickets', kind: 'number', value: (row) => row.tickets },
  { fr: 'Dernières DI', en: 'Latest tickets', value: (row) => row.latestTicketIds.join(', ') },
];

export const problemTicketColumns: readonly CsvColumn<ProblemTicket>[] = [
  { fr: 'DI', en: 'Ticket', value: (row) => row.ticketId },
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  { fr: 'Priorité', en: 'Priority', value: (row) => row.priority },
  { fr: 'Statut', en: 'Status', value: (row) => row.status },
  { fr: 'Reçue le', en: 'Received at', kind: 'instant', value: (row) => row.receivedAt },
];

export const workloadColumns: readonly CsvColumn<ProductWorkload>[] = [
  { fr: 'Produit', en: 'Product', value: (row) => row.product },
  { fr: 'DI reçues', en: 'Received', kind: 'number', value: (row) => row.received },
  { fr: 'DI ouvertes', en: 'Open', kind: 'number', value: (row) => row.open },
  { fr: 'Collaborateurs formés', en: 'Skilled agents', kind: 'number', value: (row) => row.skilledAgents },
  {
    fr: 'DI par collaborateur formé',
    en: 'Tickets per skilled agent',
    kind: 'number',
    value: (row) => row.ticketsPerSkilledAgent,
  },
  { fr: 'Nouveaux contrats', en: 'New contracts', kind: 'number', value: (row) => row.newContracts },
  { fr: 'Former davantage', en: 'Needs training', kind: 'boolean', value: (row) => row.needsTraining },
];
