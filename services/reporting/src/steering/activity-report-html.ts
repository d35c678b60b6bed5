import { escapeHtml, formatters, htmlTable, type Language, printableDocument } from '../report/html.ts';
import { type ActivityReport, dueWords, indicatorWords } from './activity-report.ts';

const words = {
  fr: {
    title: 'Bilan d’activité',
    asOf: 'Situation au',
    objectives: 'Indicateurs et objectifs',
    indicator: 'Indicateur',
    priority: 'Priorité',
    all: 'toutes',
    target: 'Objectif',
    actual: 'Réalisé',
    projected: 'Projeté fin d’année',
    status: 'État',
    trend: 'Tendance',
    noObjectives: 'Aucun objectif fixé pour l’année',
    budget: 'Pénalités : provision et budget',
    provision: 'Provision',
    budgetCents: 'Budget',
    consumed: 'Consommé',
    volumes: 'Volumes et tendances',
    received: 'DI reçues',
    previousYear: 'Année précédente',
    month: 'Mois',
    byProduct: 'DI par produit',
    product: 'Produit',
    overruns: 'Dépassements',
    ticket: 'DI',
    overrunDays: 'Jours de dépassement',
    penalty: 'Pénalité',
    clients: 'Clients',
    client: 'Client',
    contexts: 'Contextes',
    context: 'Contexte',
    reason: 'Raison',
    reviewsHeld: 'Points clients tenus',
    review: 'Point',
    heldAt: 'Tenu le',
    actions: 'Actions',
    reviewsDue: 'Clients à revoir',
    claims: 'Réclamations de pénalités',
    claimsCount: 'Réclamations',
    billing: 'Facturation hors contrat',
    amount: 'Montant',
    products: 'Produits',
    changes: 'Évolutions du catalogue',
    change: 'Changement',
    version: 'Version',
    on: 'Le',
    catalogue: 'Catalogue',
    name: 'Nom',
    supported: 'Supporté',
    documents: 'Documents',
    faq: 'FAQ',
    time: 'Temps passé (h)',
    resources: 'Ressources et formations',
    skills: 'Compétences par produit',
    agents: 'Collaborateurs',
    trainings: 'Formations réalisées',
    training: 'Formation',
    completedOn: 'Terminée le',
    trained: 'Formés',
    proposals: 'Formations proposées',
    toTrain: 'À former',
    proposedActions: 'Actions proposées',
    none: 'Aucune',
    status_met: 'atteint',
    status_at_risk: 'menacé',
    status_missed: 'manqué',
    trend_improving: 'en amélioration',
    trend_stable: 'stable',
    trend_worsening: 'en dégradation',
  },
  en: {
    title: 'Yearly activity report',
    asOf: 'As of',
    objectives: 'Indicators and objectives',
    indicator: 'Indicator',
    priority: 'Priority',
    all: 'all',
    target: 'Target',
    actual: 'Actual',
    projected: 'Projected year-end',
    status: 'Status',
    trend: 'Trend',
    noObjectives: 'No objectives set for the year',
    budget: 'Penalties: provision and budget',
    provision: 'Provision',
    budgetCents: 'Budget',
    consumed: 'Consumed',
    volumes: 'Volumes and trends',
    received: 'Tickets received',
    previousYear: 'Previous year',
    month: 'Month',
    byProduct: 'Tickets per product',
    product: 'Product',
    overruns: 'Overruns',
    ticket: 'Ticket',
    overrunDays: 'Overrun days',
    penalty: 'Penalty',
    clients: 'Clients',
    client: 'Client',
    contexts: 'Contexts',
    context: 'Context',
    reason: 'Reason',
    reviewsHeld: 'Client reviews held',
    review: 'Review',
    heldAt: 'Held at',
    actions: 'Actions',
    reviewsDue: 'Clients due a review',
    claims: 'Penalty claims',
    claimsCount: 'Claims',
    billing: 'Out-of-contract billing',
    amount: 'Amount',
    products: 'Products',
    changes: 'Catalogue changes',
    change: 'Change',
    version: 'Version',
    on: 'On',
    catalogue: 'Catalogue',
    name: 'Name',
    supported: 'Supported',
    documents: 'Documents',
    faq: 'FAQ',
    time: 'Time spent (h)',
    resources: 'Resources and trainings',
    skills: 'Skills per product',
    agents: 'Agents',
    trainings: 'Trainings completed',
    training: 'Training',
    completedOn: 'Completed on',
    trained: 'Trained',
    proposals: 'Trainings proposed',
    toTrain: 'To train',
    proposedActions: 'Actions proposed',
    none: 'None',
    status_met: 'met',
    status_at_risk: 'at risk',
    status_missed: 'missed',
    trend_improving: 'improving',
    trend_stable: 'stable',
    trend_worsening: 'worsening',
  },
} as const;

/** The yearly activity report, printable: the figures of `activityReport`, nothing computed here. */
export function activityReportHtml(report: ActivityReport, language: Language): string {
  const w = words[language];
  const f = formatters(language);
  const text = (value: string | null | undefined) => escapeHtml(value ?? '—');
  const status = (value: 'met' | 'at_risk' | 'missed' | null) =>
    value === null ? '—' : `<span class="${value === 'met' ? 'ok' : 'ko'}">${w[`status_${value}`]}</span>`;
  const sections: string[] = [
    `<h1>${escapeHtml(w.title)} ${report.year}</h1>`,
    `<p class="meta">${escapeHtml(w.asOf)} ${f.instant(report.asOfAt)}</p>`,
    `<h2>${escapeHtml(w.objectives)}</h2>`,
    report.objectives.objectives.length === 0
      ? `<p class="empty">${escapeHtml(w.noObjectives)}</p>`
      : htmlTable(
          [w.indicator, w.priority, w.target, w.actual, w.projected, w.status, w.trend],
          report.objectives.objectives.map((check) => [
            text(indicatorWords[language][check.indicator]),
            text(check.priority ?? w.all),
            f.number(check.target),
            f.number(check.actual),
            f.number(check.projected),
            status(check.status),
            check.trend === null ? '—' : w[`trend_${check.trend}`],
          ]),
          w.none,
        ),
  ];
  const budget = report.objectives.budget;
  if (budget !== null)
    sections.push(
      `<h2>${escapeHtml(w.budget)}</h2>`,
      htmlTable(
        [w.provision, w.projected, w.budgetCents, w.consumed, w.status],
        [
          [
            f.money(budget.provisionCents),
            f.money(budget.projectedCents),
            f.money(budget.budgetCents),
            f.percent(budget.consumed),
            status(budget.status),
          ],
        ],
        w.none,
      ),
    );
  sections.push(
    `<h2>${escapeHtml(w.volumes)}</h2>`,
    htmlTable(
      [w.received, w.previousYear],
      [[f.number(report.volumes.received), f.number(report.volumes.previousYear)]],
      w.none,
    ),
    htmlTable(
      [w.month, w.received],
      report.volumes.months.map((month) => [String(month.month), f.number(month.received)]),
      w.none,
    ),
    `<h2>${escapeHtml(w.overruns)}</h2>`,
    htmlTable(
      [w.ticket, w.client, w.priority, w.overrunDays, w.penalty],
      report.overruns.items.map((row) => [
        text(row.ticketId),
        text(row.clientId),
        text(row.priority),
        f.number(row.overrunDays),
        f.money(row.penaltyCents),
      ]),
      w.none,
    ),
    `<h2>${escapeHtml(w.clients)}</h2>`,
    `<h3>${escapeHtml(w.contexts)}</h3>`,
    htmlTable(
      [w.client, w.context, w.reason],
      report.clients.contexts.map((row) => [text(row.clientId), text(row.context), text(row.reason)]),
      w.none,
    ),
    `<h3>${escapeHtml(w.reviewsHeld)}</h3>`,
    htmlTable(
      [w.client, w.review, w.heldAt, w.actions],
      report.clients.reviewsHeld.map((row) => [
        text(row.clientId),
        text(row.reviewId),
        f.instant(row.heldAt),
        f.number(row.actions),
      ]),
      w.none,
    ),
    `<h3>${escapeHtml(w.reviewsDue)}</h3>`,
    htmlTable(
      [w.client, w.reason, w.context, w.review],
      report.clients.reviewsDue.map((row) => [
        text(row.clientId),
        text(dueWords[language][row.reason]),
        text(row.context),
        text(row.reviewId),
      ]),
      w.none,
    ),
    `<h3>${escapeHtml(w.claims)}</h3>`,
    htmlTable(
      [w.client, w.claimsCount, w.amount],
      report.clients.claims.map((row) => [text(row.clientId), f.number(row.claims), f.money(row.claimedCents)]),
      w.none,
    ),
    `<h3>${escapeHtml(w.billing)}</h3>`,
    htmlTable(
      [w.client, w.month, w.amount],
      report.billing.totals.map((row) => [text(row.clientId), text(row.month), f.money(row.amountCents, row.currency)]),
      w.none,
    ),
    `<h2>${escapeHtml(w.products)}</h2>`,
    `<h3>${escapeHtml(w.changes)}</h3>`,
    htmlTable(
      [w.product, w.change, w.version, w.on],
      report.products.changes.map((row) => [
        text(row.product),
        text(row.change),
        text(row.version),
        text(row.on.slice(0, 10)),
      ]),
      w.none,
    ),
    `<h3>${escapeHtml(w.catalogue)}</h3>`,
    htmlTable(
      [w.product, w.name, w.supported, w.received, w.documents, w.faq],
      report.products.catalogue.map((row) => [
        text(row.product),
        text(row.name),
        f.yesNo(row.supported),
        f.number(row.received),
        f.number(row.documents),
        f.number(row.faqEntries),
      ]),
      w.none,
    ),
    htmlTable(
      [w.product, w.time],
      report.time.map((row) => [text(row.key), f.number(row.minutes / 60)]),
      w.none,
    ),
    `<h2>${escapeHtml(w.resources)}</h2>`,
    `<h3>${escapeHtml(w.skills)}</h3>`,
    htmlTable(
      [w.product, w.agents],
      [...groupBy(report.resources.skills, (row) => row.product)].map(([product, rows]) => [
        text(product),
        rows
          .map((row) => `${escapeHtml(row.name)}${row.level === null ? '' : ` (${escapeHtml(row.level)})`}`)
          .join(', '),
      ]),
      w.none,
    ),
    `<h3>${escapeHtml(w.trainings)}</h3>`,
    htmlTable(
      [w.training, w.product, w.completedOn, w.trained],
      report.resources.trainings
        .filter((training) => training.status === 'completed')
        .map((training) => [
          text(training.title),
          text(training.product),
          text(training.completedOn),
          f.number(training.completedBy.length),
        ]),
      w.none,
    ),
    `<h3>${escapeHtml(w.proposals)}</h3>`,
    htmlTable(
      [w.product, w.toTrain, w.reason],
      report.resources.proposals.map((row) => [
        text(row.product),
        f.number(row.agentsToTrain),
        text(language === 'fr' ? row.reason : row.reasonEn),
      ]),
      w.none,
    ),
    `<h2>${escapeHtml(w.proposedActions)}</h2>`,
    report.actions.length === 0
      ? `<p class="empty">${escapeHtml(w.none)}</p>`
      : `<ul>${report.actions.map((action) => `<li>${escapeHtml(action[language])}</li>`).join('\n')}</ul>`,
  );
  return printableDocument(language, `${w.title} ${report.year}`, sections.join('\n'));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}
