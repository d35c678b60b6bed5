import type { CsvColumn } from '../csv/csv-table.ts';
import type { BillingLine, BillingTotal } from './billing-queries.ts';
import type { UnpricedTime } from './billing-record.ts';
import type { CatalogueChange, CatalogueRow } from './catalogue-queries.ts';
import type { DocumentRecord } from './document-record.ts';
import type { FaqRecord } from './faq-record.ts';
import type { ObjectiveProgress } from './objective-progress.ts';
import type { ActionRow, ContextRow, ReviewDueRow, ReviewRow } from './review-queries.ts';
import type { TimeRow } from './time-queries.ts';
import type { SkillRow, TrainingProposal } from './training-queries.ts';
import type { TrainingRecord } from './training-record.ts';

const hours = (minutes: number | null | undefined) => (minutes == null ? null : minutes / 60);

export const billingLineColumns: readonly CsvColumn<BillingLine>[] = [
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  { fr: 'Mois', en: 'Month', value: (row) => row.month },
  { fr: 'Jour', en: 'Day', value: (row) => row.on },
  { fr: 'Ligne', en: 'Item', value: (row) => row.itemId },
  { fr: 'Origine', en: 'Origin', value: (row) => row.origin },
  { fr: 'DI', en: 'Ticket', value: (row) => row.ticketId },
  { fr: 'Produit', en: 'Product', value: (row) => row.product },
  { fr: 'Collaborateur', en: 'Agent', value: (row) => row.agentId },
  { fr: 'Libellé', en: 'Description', value: (row) => row.description },
  { fr: 'Tarification', en: 'Pricing', value: (row) => row.pricing },
  { fr: 'Nature du travail', en: 'Kind of work', value: (row) => row.workKind ?? row.service },
  { fr: 'Minutes', en: 'Minutes', kind: 'number', value: (row) => row.minutes },
  { fr: 'Taux horaire', en: 'Hourly rate', kind: 'money', value: (row) => row.rateCents },
  { fr: 'Montant HT', en: 'Amount', kind: 'money', value: (row) => row.amountCents },
  { fr: 'Devise', en: 'Currency', value: (row) => row.currency },
  { fr: 'Grille du', en: 'Price list from', value: (row) => row.priceListFrom },
];

export const billingTotalColumns: readonly CsvColumn<BillingTotal>[] = [
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  { fr: 'Mois', en: 'Month', value: (row) => row.month },
  { fr: 'Lignes', en: 'Items', kind: 'number', value: (row) => row.items },
  { fr: 'Heures', en: 'Hours', kind: 'number', value: (row) => hours(row.minutes) },
  { fr: 'Montant HT', en: 'Amount', kind: 'money', value: (row) => row.amountCents },
  { fr: 'Devise', en: 'Currency', value: (row) => row.currency },
];

export const unpricedColumns: readonly CsvColumn<UnpricedTime>[] = [
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  { fr: 'Jour', en: 'Day', value: (row) => row.on },
  { fr: 'Ligne', en: 'Item', value: (row) => row.itemId },
  { fr: 'DI', en: 'Ticket', value: (row) => row.ticketId },
  { fr: 'Collaborateur', en: 'Agent', value: (row) => row.agentId },
  { fr: 'Libellé', en: 'Description', value: (row) => row.description },
  { fr: 'Nature du travail', en: 'Kind of work', value: (row) => row.workKind },
  { fr: 'Minutes', en: 'Minutes', kind: 'number', value: (row) => row.minutes },
  { fr: 'Motif', en: 'Reason', value: (row) => row.reason },
];

export const timeColumns: readonly CsvColumn<TimeRow>[] = [
  { fr: 'Axe', en: 'By', value: (row) => row.by },
  { fr: 'Valeur', en: 'Value', value: (row) => row.key },
  { fr: 'DI', en: 'Tickets', kind: 'number', value: (row) => row.tickets },
  { fr: 'Minutes', en: 'Minutes', kind: 'number', value: (row) => row.minutes },
  { fr: 'Heures', en: 'Hours', kind: 'number', value: (row) => hours(row.minutes) },
];

export const reviewDueColumns: readonly CsvColumn<ReviewDueRow>[] = [
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  { fr: 'Motif', en: 'Reason', value: (row) => row.reason },
  { fr: 'Contexte', en: 'Context', value: (row) => row.context },
  { fr: 'Raison du contexte', en: 'Context reason', value: (row) => row.contextReason },
  { fr: 'Point', en: 'Review', value: (row) => row.reviewId },
  { fr: 'Prévu le', en: 'Scheduled for', kind: 'instant', value: (row) => row.scheduledForAt },
];

export const reviewColumns: readonly CsvColumn<ReviewRow>[] = [
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  { fr: 'Point', en: 'Review', value: (row) => row.reviewId },
  { fr: 'Demandé par', en: 'Requested by', value: (row) => row.requestedBy },
  { fr: 'Contexte', en: 'Context', value: (row) => row.context },
  { fr: 'Prévu le', en: 'Scheduled for', kind: 'instant', value: (row) => row.scheduledForAt },
  { fr: 'Tenu le', en: 'Held at', kind: 'instant', value: (row) => row.heldAt },
  { fr: 'Période du', en: 'Period from', value: (row) => row.period?.from ?? null },
  { fr: 'Période au', en: 'Period to', value: (row) => row.period?.to ?? null },
  { fr: 'État', en: 'State', value: (row) => row.state },
  { fr: 'Actions', en: 'Actions', kind: 'number', value: (row) => row.actions },
];

export const actionColumns: readonly CsvColumn<ActionRow>[] = [
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  { fr: 'Point', en: 'Review', value: (row) => row.reviewId },
  { fr: 'Décidée le', en: 'Decided at', kind: 'instant', value: (row) => row.decidedAt },
  { fr: 'Action', en: 'Action', value: (row) => row.description },
  { fr: 'Responsable', en: 'Owner', value: (row) => row.owner },
  { fr: 'Échéance', en: 'Due on', value: (row) => row.dueOn },
  { fr: 'État', en: 'State', value: (row) => row.state },
  { fr: 'Close le', en: 'Closed at', kind: 'instant', value: (row) => row.closedAt },
  { fr: 'Note', en: 'Note', value: (row) => row.note },
];

export const contextColumns: readonly CsvColumn<ContextRow>[] = [
  { fr: 'Client', en: 'Client', value: (row) => row.clientId },
  { fr: 'Contexte', en: 'Context', value: (row) => row.context },
  { fr: 'Raison', en: 'Reason', value: (row) => row.reason },
  { fr: 'Du', en: 'From', value: (row) => row.from },
  { fr: 'Au', en: 'To', value: (row) => row.to },
  { fr: 'En vigueur', en: 'In force', kind: 'boolean', value: (row) => row.inForce },
];

export const catalogueColumns: readonly CsvColumn<CatalogueRow>[] = [
  { fr: 'Produit', en: 'Product', value: (row) => row.product },
  { fr: 'Nom', en: 'Name', value: (row) => row.name },
  { fr: 'Lancé le', en: 'Launched at', kind: 'instant', value: (row) => row.launchedAt },
  { fr: 'Versions', en: 'Versions', value: (row) => row.versions.map((each) => each.version).join(', ') },
  { fr: 'Fin de support', en: 'End of support', value: (row) => row.endOfSupport },
  {
    fr: 'Versions en fin de support',
    en: 'Versions out of support',
    value: (row) => row.versionsEndOfSupport.map((each) => `${each.version} (${each.effectiveOn})`).join(', '),
  },
  { fr: 'Supporté', en: 'Supported', kind: 'boolean', value: (row) => row.supported },
  { fr: 'Documents', en: 'Documents', kind: 'number', value: (row) => row.documents },
  { fr: 'Entrées FAQ', en: 'FAQ entries', kind: 'number', value: (row) => row.faqEntries },
  { fr: 'DI reçues', en: 'Tickets received', kind: 'number', value: (row) => row.received },
];

export const catalogueChangeColumns: readonly CsvColumn<CatalogueChange>[] = [
  { fr: 'Produit', en: 'Product', value: (row) => row.product },
  { fr: 'Changement', en: 'Change', value: (row) => row.change },
  { fr: 'Version', en: 'Version', value: (row) => row.version },
  { fr: 'Le', en: 'On', value: (row) => row.on },
];

export const documentColumns: readonly CsvColumn<DocumentRecord>[] = [
  { fr: 'Produit', en: 'Product', value: (row) => row.product },
  { fr: 'Document', en: 'Document', value: (row) => row.documentId },
  { fr: 'Type', en: 'Kind', value: (row) => row.document },
  { fr: 'Titre', en: 'Title', value: (row) => row.title },
  { fr: 'Lien', en: 'Link', value: (row) => row.link },
  { fr: 'De la version', en: 'From version', value: (row) => row.versions.from },
  { fr: 'À la version', en: 'To version', value: (row) => row.versions.to },
];

export const faqColumns: readonly CsvColumn<FaqRecord>[] = [
  { fr: 'Produit', en: 'Product', value: (row) => row.product },
  { fr: 'Entrée', en: 'Entry', value: (row) => row.entryId },
  { fr: 'Question', en: 'Question', value: (row) => row.question },
  { fr: 'Article', en: 'Article', value: (row) => row.articleId },
  { fr: 'DI résolues', en: 'Tickets answered', kind: 'number', value: (row) => row.ticketIds.length },
];

export const skillColumns: readonly CsvColumn<SkillRow>[] = [
  { fr: 'Produit', en: 'Product', value: (row) => row.product },
  { fr: 'Collaborateur', en: 'Agent', value: (row) => row.agentId },
  { fr: 'Nom', en: 'Name', value: (row) => row.name },
  { fr: 'Niveau', en: 'Level', value: (row) => row.level },
];

export const trainingColumns: readonly CsvColumn<TrainingRecord>[] = [
  { fr: 'Formation', en: 'Training', value: (row) => row.trainingId },
  { fr: 'Type', en: 'Kind', value: (row) => row.training },
  { fr: 'Produit', en: 'Product', value: (row) => row.product },
  { fr: 'Intitulé', en: 'Title', value: (row) => row.title },
  { fr: 'Niveau', en: 'Level', value: (row) => row.level },
  { fr: 'Prévue le', en: 'Planned on', value: (row) => row.plannedOn },
  { fr: 'État', en: 'Status', value: (row) => row.status },
  { fr: 'Terminée le', en: 'Completed on', value: (row) => row.completedOn },
  { fr: 'Formés', en: 'Trained', value: (row) => row.completedBy.join(', ') },
];

export const proposalColumns: readonly CsvColumn<TrainingProposal>[] = [
  { fr: 'Produit', en: 'Product', value: (row) => row.product },
  { fr: 'Collaborateurs formés', en: 'Skilled agents', kind: 'number', value: (row) => row.skilledAgents },
  { fr: 'DI sur 90 jours', en: 'Tickets in 90 days', kind: 'number', value: (row) => row.ticketsLast90Days },
  { fr: "DI de l'année", en: 'Tickets in the year', kind: 'number', value: (row) => row.ticketsYear },
  { fr: 'Nouveaux contrats', en: 'New contracts', kind: 'number', value: (row) => row.newContracts },
  { fr: 'À former', en: 'Agents to train', kind: 'number', value: (row) => row.agentsToTrain },
  { fr: 'Motif', en: 'Reason', value: (row) => row.reason },
  { fr: 'Motifs (codes)', en: 'Reason codes', value: (row) => row.reasons.join(', ') },
];

export const objectiveColumns: readonly CsvColumn<ObjectiveProgress>[] = [
  { fr: 'Indicateur', en: 'Indicator', value: (row) => row.indicator },
  { fr: 'Priorité', en: 'Priority', value: (row) => row.priority ?? 'toutes' },
  { fr: 'Type', en: 'Kind', value: (row) => row.kind },
  { fr: 'Objectif', en: 'Target', kind: 'number', value: (row) => row.target },
  { fr: 'Réalisé', en: 'Actual', kind: 'number', value: (row) => row.actual },
  { fr: 'Projeté fin d’année', en: 'Projected year-end', kind: 'number', value: (row) => row.projected },
  { fr: 'État', en: 'Status', value: (row) => row.status },
  { fr: 'Tendance', en: 'Trend', value: (row) => row.trend },
];
