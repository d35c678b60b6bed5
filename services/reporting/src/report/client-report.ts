import type { Priority } from '@hotline/domain';
import { billableInterventions, changeAndServiceRequests } from '../queries/activity-queries.ts';
import { indicatorsOf } from '../queries/indicator-queries.ts';
import { overrunsIn } from '../queries/overrun-queries.ts';
import { contractPenalties } from '../queries/penalty-queries.ts';
import type { ReportingPeriod } from '../queries/periods.ts';
import { processingTimes } from '../queries/processing-time-queries.ts';
import type { ReportingView } from '../queries/reporting-view.ts';
import { listTickets } from '../queries/ticket-queries.ts';
import { escapeHtml, formatters, htmlTable, type Language, printableDocument } from './html.ts';

const words = {
  fr: {
    title: 'Point client',
    period: 'Période',
    asOf: 'Situation au',
    contracts: 'Contrats',
    indicators: 'Indicateurs',
    priority: 'Priorité',
    malfunctions: 'Dysfonctionnements dans les délais',
    functional: 'Demandes fonctionnelles dans les délais',
    overrunDays: 'Jours de dépassement (production)',
    overThirty: 'DI de production à plus de 30 jours',
    times: 'Délais de traitement',
    takeCharge: 'Prise en charge',
    resolution: 'Résolution',
    median: 'médiane',
    p90: '90e centile',
    withinRate: 'dans les délais',
    tickets: 'Demandes d’intervention reçues',
    overruns: 'Dépassements',
    penalties: 'Pénalités',
    billable: 'Interventions facturées hors contrat',
    requests: 'Évolutions et prestations demandées',
    context: 'Contexte client',
    none: 'Aucune',
    count: 'DI',
  },
  en: {
    title: 'Client review',
    period: 'Period',
    asOf: 'As of',
    contracts: 'Contracts',
    indicators: 'Indicators',
    priority: 'Priority',
    malfunctions: 'Malfunctions within deadlines',
    functional: 'Functional requests within deadlines',
    overrunDays: 'Production overrun days',
    overThirty: 'Production tickets over 30 days',
    times: 'Processing times',
    takeCharge: 'Take-charge',
    resolution: 'Resolution',
    median: 'median',
    p90: '90th percentile',
    withinRate: 'within deadline',
    tickets: 'Tickets received',
    overruns: 'Overruns',
    penalties: 'Penalties',
    billable: 'Billable out-of-contract interventions',
    requests: 'Change requests and service needs',
    context: 'Client context',
    none: 'None',
    count: 'Tickets',
  },
} as const;

const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3'];

/** The printable report of one client over a period, for a client review: every figure from the same views as the API. */
export function clientReport(
  view: ReportingView,
  clientId: string,
  period: ReportingPeriod,
  now: number,
  language: Language,
): string {
  const w = words[language];
  const f = formatters(language);
  const scope = { clientId };
  const text = (value: string | null | undefined) => escapeHtml(value ?? '—');
  const contracts = [...view.contracts.values()].filter((record) => record.contract.clientId === clientId);
  const indicators = indicatorsOf(view, period, now, scope);
  const ratio = (within: number, resolved: number) => `${within} / ${resolved}`;
  const times = processingTimes(view, period, now, scope)[0];
  const received = listTickets(view, { clientId, receivedFrom: period.start, receivedTo: period.end }, now, {
    offset: 0,
    limit: Number.POSITIVE_INFINITY,
  }).items;
  const overruns = overrunsIn(view, period, now, scope);
  const penalties = contractPenalties(view, now, scope);
  const client = view.clients.get(clientId);
  const sections = [
    `<h1>${escapeHtml(w.title)} — ${text(clientId)}</h1>`,
    `<p class="meta">${escapeHtml(w.period)} : ${text(period.label)} · ${escapeHtml(w.asOf)} ${f.instant(now)}</p>`,
    `<h2>${escapeHtml(w.contracts)}</h2>`,
    htmlTable(
      ['Contrat', 'Référence', 'Types', 'Produits', 'Début de maintenance'],
      contracts.map(({ contract }) => {
        const terms = contract.versions.at(-1)!.terms;
        return [
          text(contract.contractId),
          text(contract.reference),
          text(terms.kinds.join(', ')),
          text(terms.products.join(', ')),
          text(terms.maintenanceStartsOn),
        ];
      }),
      w.none,
    ),
    `<h2>${escapeHtml(w.indicators)}</h2>`,
    htmlTable(
      [w.priority, w.malfunctions, w.functional, w.overrunDays, w.overThirty],
      PRIORITIES.map((priority) => {
        const row = indicators.byPriority[priority];
        return [
          priority,
          ratio(row.malfunctions.within, row.malfunctions.resolved),
          ratio(row.functional.within, row.functional.resolved),
          String(row.productionOverrunDays),
          String(row.productionOverThirtyDays),
        ];
      }),
      w.none,
    ),
    `<h2>${escapeHtml(w.times)}</h2>`,
    htmlTable(
      ['', w.count, w.median, w.p90, `${w.median} (contrat)`, w.withinRate],
      times === undefined
        ? []
        : (
            [
              [w.takeCharge, times.takeCharge],
              [w.resolution, times.resolution],
            ] as const
          ).map(([label, stats]) => [
            escapeHtml(label),
            String(stats.count),
            f.hours(stats.elapsedMedianMs),
            f.hours(stats.elapsedP90Ms),
            f.hours(stats.countedMedianMs),
            f.percent(stats.withinDeadlineRate),
          ]),
      w.none,
    ),
    `<h2>${escapeHtml(w.tickets)} (${received.length})</h2>`,
    htmlTable(
      ['DI', 'Produit', 'Nature', w.priority, 'Statut', 'Reçue', 'Résolue', 'Délais', 'Dépassement (j)'],
      received.map((row) => [
        text(row.ticketId),
        text(row.product),
        text(row.nature),
        row.priority,
        text(row.status),
        f.instant(row.receivedAt),
        f.instant(row.resolvedAt),
        f.yesNo(row.withinDeadlines),
        String(row.overrunDays),
      ]),
      w.none,
    ),
    `<h2>${escapeHtml(w.overruns)}</h2>`,
    htmlTable(
      ['DI', w.priority, 'Échéance', 'Résolue', 'Jours'],
      overruns.map((row) => [
        text(row.ticketId),
        row.priority,
        f.instant(row.resolutionDueAt),
        f.instant(row.resolvedAt),
        String(row.overrunDays),
      ]),
      w.none,
    ),
    `<h2>${escapeHtml(w.penalties)}</h2>`,
    htmlTable(
      ['Contrat', 'Année', 'Acquises', 'Plafond', 'Provision', 'Réclamées', 'Réglées', 'Abandonnées'],
      penalties.map((row) => [
        text(row.contractId),
        `${escapeHtml(row.contractYear.startsOn)} → ${escapeHtml(row.contractYear.endsBefore)}`,
        f.money(row.accruedCents, row.currency),
        f.money(row.yearCapCents, row.currency),
        f.money(row.provisionCents, row.currency),
        String(row.claimed.count),
        `${row.settled.count} (${f.money(row.settled.cents, row.currency)})`,
        String(row.waived.count),
      ]),
      w.none,
    ),
    `<h2>${escapeHtml(w.billable)}</h2>`,
    htmlTable(
      ['DI', 'Produit', 'Nature', 'Couverture', 'Reçue', 'Temps passé (min)'],
      billableInterventions(view, period, scope).map((row) => [
        text(row.ticketId),
        text(row.product),
        text(row.nature),
        text(row.coverage),
        f.instant(row.receivedAt),
        String(row.minutesSpent),
      ]),
      w.none,
    ),
    `<h2>${escapeHtml(w.requests)}</h2>`,
    htmlTable(
      ['DI', 'Produit', 'Nature', 'Reçue', 'Statut'],
      changeAndServiceRequests(view, period, scope).map((row) => [
        text(row.ticketId),
        text(row.product),
        text(row.nature),
        f.instant(row.receivedAt),
        text(row.status),
      ]),
      w.none,
    ),
    `<h2>${escapeHtml(w.context)}</h2>`,
    htmlTable(
      ['Contexte', 'Motif', 'Du', 'Au'],
      (client?.contexts ?? []).map((context) => [
        text(context.kind),
        text(context.reason),
        text(context.from),
        text(context.to),
      ]),
      w.none,
    ),
  ];
  return printableDocument(language, `${w.title} ${clientId} ${period.label}`, sections.join('\n'));
}
