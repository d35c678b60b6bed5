import type { DemoProduct } from './demo-product.ts';

// The demo hotline holds tickets, contracts and agents, but nothing of the manager's steering: no
// objectives, contexts, reviews, price lists, on-site services, catalogue, documents, FAQ or trainings.
// The steering panels' tests record them through the write API, as a manager would, rather than in the
// demo (DEMO_NOW is Wed 2026-11-25 10:00 Paris).

const MANAGER = { by: 'manager-eve' };

async function send(product: DemoProduct, method: 'POST' | 'PUT', path: string, body: object): Promise<unknown> {
  const response = await fetch(`${product.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

const post = (product: DemoProduct, path: string, body: object) => send(product, 'POST', path, body);

type TicketRow = { ticketId: string; clientId: string | null; coverage: string; nature: string };

/** What resolution bills when time is recorded on it (its README): outside any contract, or a service. */
const billable = (ticket: TicketRow) =>
  ((ticket.coverage === 'out_of_contract' || ticket.coverage === 'no_contract') && ticket.nature !== 'evolution') ||
  ticket.nature === 'service';

/** What the seed recorded that the tests look for by name. */
export interface SteeringSeed {
  /** The billable ticket whose time no price list priced (its client, INITECH, has none). */
  readonly unpricedTicketId: string;
}

/**
 * Objectives and budget for 2026; ACME in migration with no review (due), GLOBEX sensitive with a
 * review past its date without minutes (due), UMBRELLA asking for a review (due), INITECH's review
 * held with an overdue action, an open one, one done and one dropped; price lists for GLOBEX and UMBRELLA, on-site services
 * by time and at a fixed price, time recorded on tickets (an INITECH ticket out of contract stays
 * unpriced); ERP, CRM and PAY in the catalogue with versions, an end of support, documents and a
 * FAQ entry, BI launched without trained agents; a training completed on CRM, one planned on BI.
 */
export async function seedSteering(product: DemoProduct): Promise<SteeringSeed> {
  await send(product, 'PUT', '/objectives/2026', {
    ...MANAGER,
    targets: [
      { indicator: 'malfunctions', priority: 'P1', value: 95 },
      { indicator: 'malfunctions', value: 80 },
      { indicator: 'functional', value: 90 },
      { indicator: 'productionOverrunDays', value: 20 },
      { indicator: 'productionOverThirtyDays', value: 0 },
      { indicator: 'claimingClients', value: 2 },
    ],
    penaltyBudgetCents: 1_500_000,
  });

  await post(product, '/clients/ACME/context', {
    ...MANAGER,
    kind: 'migration',
    reason: 'Migration vers ERP 13',
    from: '2026-10-01',
    to: '2027-03-31',
  });
  await post(product, '/clients/GLOBEX/context', {
    ...MANAGER,
    kind: 'sensitive',
    reason: 'Réclamation de la direction',
    from: '2026-11-01',
    to: '2026-12-31',
  });
  await post(product, '/clients/GLOBEX/reviews', {
    ...MANAGER,
    reviewId: 'R-GLOBEX-1',
    scheduledFor: '2026-11-18T10:00:00+01:00',
    requestedBy: 'context',
    context: 'sensitive',
    agenda: 'Les retards de septembre',
  });
  await post(product, '/clients/UMBRELLA/reviews', {
    ...MANAGER,
    reviewId: 'R-UMBRELLA-1',
    scheduledFor: '2026-12-10T14:00:00+01:00',
    requestedBy: 'client',
    period: { from: '2026-01-01', to: '2026-11-30' },
    agenda: 'Bilan de l’année',
  });
  await post(product, '/clients/INITECH/reviews', {
    ...MANAGER,
    reviewId: 'R-INITECH-1',
    scheduledFor: '2026-10-15T14:00:00+02:00',
    requestedBy: 'client',
    period: { from: '2026-01-01', to: '2026-09-30' },
    agenda: 'Premier semestre',
  });
  await post(product, '/clients/INITECH/reviews/R-INITECH-1/minutes', {
    ...MANAGER,
    notes: 'Délais revus ; la paie inquiète le client',
    actions: [
      { description: 'Former un second collaborateur sur PAY', owner: 'manager-eve', dueOn: '2026-11-01' },
      { description: 'Envoyer le rapport mensuel', owner: 'agent-dan', dueOn: '2026-12-15' },
      { description: 'Partager les notes de version de PAY 3.2', owner: 'agent-dan', dueOn: '2026-11-10' },
      { description: 'Planifier une revue de la paie', owner: 'manager-eve', dueOn: '2026-11-15' },
    ],
    attendees: ['manager-eve', 'contact-initech'],
    occurredAt: '2026-10-15T16:00:00+02:00',
  });
  // The release notes shared (done), the payroll review dropped with its reason: the actions' rows
  // show them closed, with their day, rather than overdue.
  await post(product, '/clients/INITECH/reviews/R-INITECH-1/actions/2/completion', {
    ...MANAGER,
    outcome: 'done',
    occurredAt: '2026-11-05T11:00:00+01:00',
  });
  await post(product, '/clients/INITECH/reviews/R-INITECH-1/actions/3/completion', {
    ...MANAGER,
    outcome: 'dropped',
    note: 'Le client a reporté sa paie à 2027',
    occurredAt: '2026-11-12T09:30:00+01:00',
  });

  const priceList = {
    ...MANAGER,
    validFrom: '2026-01-01',
    currency: 'EUR',
    hourlyRates: [
      { workKind: 'malfunction', rateCents: 9_500 },
      { workKind: 'functional', rateCents: 8_000 },
      { workKind: 'on_site', rateCents: 12_345 },
    ],
    fixedPrices: [{ service: 'install', label: 'Installation d’une version', priceCents: 150_000 }],
  };
  await post(product, '/clients/GLOBEX/price-lists', priceList);
  await post(product, '/clients/UMBRELLA/price-lists', priceList);
  const onSite = { by: 'agent-ada', agentId: 'agent-ada', product: 'ERP', description: 'Intervention sur site' };
  // 45 minutes at 123.45 € an hour: 92.5875 €, billed 92.59 €.
  await post(product, '/clients/UMBRELLA/on-site-services', {
    ...onSite,
    serviceId: 'OS-U1',
    on: '2026-10-20',
    pricing: { kind: 'time', minutes: 45 },
  });
  await post(product, '/clients/UMBRELLA/on-site-services', {
    ...onSite,
    serviceId: 'OS-U2',
    on: '2026-11-05',
    pricing: { kind: 'fixed', service: 'install' },
  });
  await post(product, '/clients/GLOBEX/on-site-services', {
    ...onSite,
    agentId: 'agent-cyd',
    product: 'CRM',
    serviceId: 'OS-G1',
    on: '2026-11-12',
    pricing: { kind: 'time', minutes: 130 },
  });

  // Time on tickets: covered ones (time per product, client, agent) and billable ones.
  const { items: tickets } = await product.getJson<{ items: TicketRow[] }>('/reports/tickets?year=2026&limit=500');
  const unpriced = tickets.find((ticket) => billable(ticket) && ticket.clientId === 'INITECH');
  // UMBRELLA has no contract: its malfunctions are billed at the list's rate.
  const billed = tickets.find(
    (ticket) => billable(ticket) && ticket.clientId === 'UMBRELLA' && ticket.nature === 'malfunction',
  );
  const covered = tickets.filter((ticket) => ticket.coverage === 'covered').slice(0, 4);
  if (unpriced === undefined || billed === undefined || covered.length < 4) {
    throw new Error('the demo has changed: no billable ticket of INITECH, or UMBRELLA malfunction, or covered ones');
  }
  const agents = ['agent-ada', 'agent-bob', 'agent-cyd', 'agent-dan'];
  for (const [index, ticket] of [...covered, billed, unpriced].entries()) {
    const agentId = agents[index % agents.length]!;
    await post(product, `/tickets/${ticket.ticketId}/time`, {
      by: agentId,
      agentId,
      minutes: 30 + 15 * index,
      what: 'Analyse des journaux',
    });
  }

  // The catalogue as the upstream systems would have fed it over the years (`occurredAt`).
  const on = (day: string) => ({ ...MANAGER, occurredAt: `${day}T09:00:00+01:00` });
  await post(product, '/products', { ...on('2018-03-01'), product: 'ERP', name: 'Progiciel de gestion' });
  await post(product, '/products', { ...on('2020-06-01'), product: 'CRM', name: 'Relation client' });
  await post(product, '/products', { ...on('2021-01-04'), product: 'PAY', name: 'Paie' });
  for (const [version, day] of [
    ['11.0', '2024-02-05'],
    ['12.4', '2025-09-01'],
    ['13.0', '2026-10-05'],
  ] as const) {
    await post(product, '/products/ERP/versions', { ...on(day), version });
  }
  await post(product, '/products/CRM/versions', { ...on('2026-03-02'), version: '5.2' });
  await post(product, '/products/ERP/end-of-support', { ...MANAGER, version: '11.0', effectiveOn: '2026-12-31' });
  await post(product, '/products', { ...MANAGER, product: 'BI', name: 'Tableaux de bord décisionnels' });
  await post(product, '/products/ERP/documents', {
    ...MANAGER,
    documentId: 'DOC-ERP-13',
    kind: 'release_notes',
    title: 'Notes de version ERP 13.0',
    link: 'https://docs.example.com/erp/13.0',
    versions: { from: '13.0' },
  });
  await post(product, '/products/ERP/documents', {
    ...MANAGER,
    documentId: 'DOC-ERP-TVA',
    kind: 'known_issue',
    title: 'Écart de TVA sur les avoirs',
    text: 'Contourner en ressaisissant l’avoir',
    versions: { from: '12.0', to: '12.4' },
  });
  await post(product, '/articles', {
    ...MANAGER,
    articleId: 'KB-TVA',
    title: 'Écart de TVA sur les avoirs',
    body: 'Ressaisir l’avoir après la clôture.',
    products: ['ERP'],
    symptoms: ['écart de TVA'],
  });
  await post(product, '/faq', {
    ...MANAGER,
    entryId: 'FAQ-TVA',
    articleId: 'KB-TVA',
    question: 'Pourquoi la TVA de mes avoirs diffère-t-elle ?',
    answer: 'Ressaisissez l’avoir après la clôture.',
    product: 'ERP',
    ticketIds: covered.slice(0, 2).map((ticket) => ticket.ticketId),
  });

  await post(product, '/trainings', {
    ...MANAGER,
    trainingId: 'TR-CRM',
    kind: 'training',
    product: 'CRM',
    title: 'CRM 5 pour les collaborateurs ERP',
    attendees: ['agent-bob'],
    level: 'confirmed',
    trainer: 'agent-cyd',
    plannedOn: '2026-09-15',
  });
  await post(product, '/trainings/TR-CRM/completion', { ...MANAGER, completedOn: '2026-09-15' });
  await post(product, '/trainings', {
    ...MANAGER,
    trainingId: 'TR-BI',
    kind: 'skill_transfer',
    product: 'BI',
    title: 'BI par l’équipe de développement',
    attendees: ['agent-ada'],
    level: 'basic',
    plannedOn: '2026-12-08',
  });
  return { unpricedTicketId: unpriced.ticketId };
}
