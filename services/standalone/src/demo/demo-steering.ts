import {
  BillingCommand,
  billableWorkKind,
  billingDecider,
  ClientCommand,
  clientDecider,
  DAY_MS,
  DocumentationCommand,
  type DomainError,
  FaqCommand,
  faqEntryDecider,
  KnowledgeCommand,
  knowledgeArticleDecider,
  localDateOf,
  ObjectivesCommand,
  objectivesDecider,
  productionDocumentDecider,
  startOfLocalDate,
  steeringStreams,
  type Ticket,
  TicketCommand,
  TrainingCommand,
  ticketDecider,
  trainingDecider,
} from '@hotline/domain';
import type { DomainEventShape, StreamDecider } from '@hotline/eventstore';
import { type InboundRequest, type IntakeDependencies, takeIn } from '@hotline/intake';
import { executeCommand, type SeededRandom, streams } from '@hotline/platform';

const ZONE = 'Europe/Paris';
const MANAGER = 'manager-eve';
/** The demo's first year: its contracts start on 1 January 2026 (demo-catalogue.ts). */
const FIRST_YEAR = 2026;

/** A demo ticket once its past steps were played: what the time recorded on it depends on. */
export interface PlayedTicket {
  readonly ticket: Ticket;
  /** The instant of its last step played: agents record their time when they hand a ticket on. */
  readonly lastAt: number;
}

/**
 * The manager's steering facts beside the demo's tickets, through the same commands as the steering
 * routes, each on its own record: the objectives and penalty budget of each year of the demo, client
 * contexts and reviews (clients due a review among them), price lists and billable items, time
 * recorded on tickets, the catalogue with a new application, documents, FAQ entries, trainings.
 *
 * Dated relative to `now` (days before and after it), as the tickets are, so that the panels read a
 * live year whatever the day the demo starts; a fact dated after `now` is not recorded yet. On the
 * dashboard tests' clock (Wed 2026-11-25 10:00, Paris) the dates fall on those the tests name.
 */
export async function loadDemoSteering(
  deps: IntakeDependencies,
  now: number,
  played: readonly PlayedTicket[],
  random: SeededRandom,
): Promise<void> {
  const when = relativeTo(now);
  const run = commands(deps, now);

  for (let year = FIRST_YEAR; year <= Number(when.day(0).slice(0, 4)); year += 1) {
    await run.objectives(year, {
      type: 'SetAnnualObjectives',
      year,
      // Met on within-deadline rates and claims, missed on P1 and overrun days: the demo has a story.
      targets: [
        { indicator: 'malfunctions', priority: 'P1', value: 95 },
        { indicator: 'malfunctions', value: 80 },
        { indicator: 'functional', value: 90 },
        { indicator: 'productionOverrunDays', value: 20 },
        { indicator: 'productionOverThirtyDays', value: 0 },
        { indicator: 'claimingClients', value: 2 },
      ],
      penaltyBudgetCents: 1_500_000,
      by: MANAGER,
      at: when.at(`${year}-01-05`, '09:30'),
    });
  }

  await priceLists(run, when);
  await recordedTime(deps, now, played, random);
  await clientFollowUp(run, when);
  await onSiteServices(run, when);
  await catalogue(run, when, played);
  await trainings(run, when);
}

/** Days and instants in Paris around `now`: `day(-7)` is a week before, `at(day, '10:00')` its morning. */
function relativeTo(now: number) {
  const day = (offset: number) => localDateOf(ZONE, now + offset * DAY_MS);
  const at = (localDay: string, time: string) => {
    const [hours, minutes] = time.split(':').map(Number) as [number, number];
    return new Date(startOfLocalDate(ZONE, localDay) + (hours * 60 + minutes) * 60_000).toISOString();
  };
  /** The last day of the month before the one of `localDay`. */
  const endOfPreviousMonth = (localDay: string) =>
    localDateOf(ZONE, startOfLocalDate(ZONE, `${localDay.slice(0, 7)}-01`) - DAY_MS);
  const endOfMonth = (localDay: string) => {
    const [year, month] = localDay.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  };
  return { day, at, endOfMonth, endOfPreviousMonth };
}
type When = ReturnType<typeof relativeTo>;

/** One recorder per record, each deciding its command on its stream as the record's route does. */
function commands(deps: IntakeDependencies, now: number) {
  const { store } = deps;
  let sequence = 0;
  const nextId = () => {
    sequence += 1;
    return `demo:steering:${sequence}`;
  };
  const context = (by: string) => ({ commandId: nextId(), actor: by });
  const due = (command: { at: string }) => Date.parse(command.at) <= now;
  /** A record's command, checked against its schema, decided on its stream: left out while not yet due. */
  const recorder =
    <C extends { at: string; by: string }, E extends DomainEventShape, S>(
      schema: { parse(value: unknown): C },
      decider: StreamDecider<C, E, S, DomainError>,
      streamOf: (command: C) => string,
    ) =>
    async (given: C): Promise<void> => {
      if (!due(given)) return;
      const command = schema.parse(given);
      await executeCommand(store, { stream: streamOf(command), decider, command, context: context(command.by) });
    };
  return {
    objectives: (year: number, given: ObjectivesCommand) =>
      recorder(ObjectivesCommand, objectivesDecider, () => streams.objectives(year))(given),
    client: recorder(ClientCommand, clientDecider, (command) => streams.client(command.clientId)),
    billing: recorder(BillingCommand, billingDecider, (command) => steeringStreams.billing(command.clientId)),
    training: recorder(TrainingCommand, trainingDecider, (command) => steeringStreams.training(command.trainingId)),
    article: recorder(KnowledgeCommand, knowledgeArticleDecider, (command) => streams.article(command.articleId)),
    document: recorder(DocumentationCommand, productionDocumentDecider, (command) =>
      steeringStreams.document(command.documentId),
    ),
    faq: recorder(FaqCommand, faqEntryDecider, (command) => steeringStreams.faq(command.entryId)),
    /** A catalogue change comes from the upstream systems: through intake's door, as `POST /products` does. */
    async product(kind: InboundRequest['kind'], payload: Record<string, unknown>, at: string) {
      if (Date.parse(at) > now) return;
      const origin = { source: 'demo', occurredAt: at, requestId: nextId() };
      await takeIn(deps, { kind, payload: { ...payload, by: MANAGER }, origin } as never);
    },
  };
}
type Recorders = ReturnType<typeof commands>;

/** ACME, GLOBEX and UMBRELLA have price lists; INITECH none yet, so its out-of-contract time waits unpriced. */
async function priceLists(run: Recorders, when: When): Promise<void> {
  const standard = {
    // In force before the demo's first day: whatever the day it starts, every item it dates is priced.
    validFrom: `${FIRST_YEAR - 1}-11-01`,
    currency: 'EUR',
    hourlyRates: [
      { workKind: 'malfunction' as const, rateCents: 9_500 },
      { workKind: 'functional' as const, rateCents: 8_000 },
      { workKind: 'service' as const, rateCents: 11_000 },
      { workKind: 'on_site' as const, rateCents: 12_345 },
    ],
    fixedPrices: [{ service: 'install', label: 'Installation d’une version', priceCents: 150_000 }],
  };
  const negotiated = {
    ...standard,
    // ACME's volume earns it lower rates.
    hourlyRates: standard.hourlyRates.map((rate) => ({ ...rate, rateCents: Math.round(rate.rateCents * 0.9) })),
  };
  const at = when.at(`${FIRST_YEAR - 1}-10-15`, '11:00');
  await run.billing({ type: 'SetPriceList', clientId: 'ACME', ...negotiated, by: MANAGER, at });
  await run.billing({ type: 'SetPriceList', clientId: 'GLOBEX', ...standard, by: MANAGER, at });
  await run.billing({ type: 'SetPriceList', clientId: 'UMBRELLA', ...standard, by: MANAGER, at });
}

/**
 * Each ticket worked gets the time its agent spent, recorded when the ticket was last handed on; the
 * billing process prices the out-of-contract ones once the services start. Of INITECH's
 * out-of-contract tickets (no price list) only the first gets time: one entry left unpriced.
 */
async function recordedTime(
  deps: IntakeDependencies,
  now: number,
  played: readonly PlayedTicket[],
  random: SeededRandom,
): Promise<void> {
  let initechBillable = 0;
  for (const { ticket, lastAt } of played) {
    const minutes = 5 * Math.round(random.between(3, 36));
    const agentId = ticket.assignee;
    if (agentId === undefined || lastAt > now) continue;
    if (ticket.clientId === 'INITECH' && billableWorkKind(ticket) !== undefined) {
      initechBillable += 1;
      if (initechBillable > 1) continue;
    }
    const command = TicketCommand.parse({
      type: 'RecordTime',
      ticketId: ticket.ticketId,
      agentId,
      minutes,
      what: ticket.nature === 'functional' ? 'Réponse au client' : 'Analyse des journaux et correction',
      by: agentId,
      at: new Date(lastAt).toISOString(),
    });
    await executeCommand(deps.store, {
      stream: streams.ticket(ticket.ticketId),
      decider: ticketDecider,
      command,
      context: { commandId: `demo:time:${ticket.ticketId}`, actor: agentId },
    });
  }
}

/**
 * ACME migrating to ERP 13 with no review planned for it, GLOBEX sensitive with its review past
 * without minutes, UMBRELLA asking for a review: three clients due one. INITECH's review held, its
 * actions overdue, open, done and dropped; its special follow-up over.
 */
async function clientFollowUp(run: Recorders, when: When): Promise<void> {
  const by = MANAGER;
  await run.client({
    type: 'FlagClientContext',
    clientId: 'INITECH',
    kind: 'special_follow_up',
    reason: 'Montée de version de la paie pendant l’été',
    from: when.day(-116),
    to: when.day(-25),
    by,
    at: when.at(when.day(-120), '10:00'),
  });
  await run.client({
    type: 'FlagClientContext',
    clientId: 'ACME',
    kind: 'migration',
    reason: 'Migration vers ERP 13',
    from: when.day(-55),
    to: when.day(126),
    by,
    at: when.at(when.day(-62), '15:00'),
  });

  const initechReview = when.day(-41);
  await run.client({
    type: 'ScheduleClientReview',
    clientId: 'INITECH',
    reviewId: 'R-INITECH-1',
    scheduledFor: when.at(initechReview, '14:00'),
    requestedBy: 'client',
    period: {
      from: `${when.endOfPreviousMonth(initechReview).slice(0, 4)}-01-01`,
      to: when.endOfPreviousMonth(initechReview),
    },
    agenda: 'Bilan des trois premiers trimestres',
    by,
    at: when.at(when.day(-60), '11:00'),
  });
  await run.client({
    type: 'RecordClientReview',
    clientId: 'INITECH',
    reviewId: 'R-INITECH-1',
    notes: 'Délais revus ; la paie inquiète le client',
    actions: [
      { description: 'Former un second collaborateur sur PAY', owner: MANAGER, dueOn: when.day(-24) },
      { description: 'Envoyer le rapport mensuel', owner: 'agent-dan', dueOn: when.day(20) },
      { description: 'Partager les notes de version de PAY 3.2', owner: 'agent-dan', dueOn: when.day(-15) },
      { description: 'Planifier une revue de la paie', owner: MANAGER, dueOn: when.day(-10) },
    ],
    attendees: [MANAGER, 'contact-initech'],
    by,
    at: when.at(initechReview, '16:00'),
  });
  const action = { clientId: 'INITECH', reviewId: 'R-INITECH-1', by } as const;
  await run.client({
    type: 'CompleteReviewAction',
    ...action,
    action: 2,
    outcome: 'done',
    at: when.at(when.day(-20), '11:00'),
  });
  await run.client({
    type: 'CompleteReviewAction',
    ...action,
    action: 3,
    outcome: 'dropped',
    note: 'Le client a reporté sa paie à 2027',
    at: when.at(when.day(-13), '09:30'),
  });

  const globexFrom = when.day(-24);
  await run.client({
    type: 'FlagClientContext',
    clientId: 'GLOBEX',
    kind: 'sensitive',
    reason: 'Réclamation de la direction sur les retards de septembre',
    from: globexFrom,
    to: when.day(36),
    by,
    at: when.at(globexFrom, '09:15'),
  });
  await run.client({
    type: 'ScheduleClientReview',
    clientId: 'GLOBEX',
    reviewId: 'R-GLOBEX-1',
    scheduledFor: when.at(when.day(-7), '10:00'),
    requestedBy: 'context',
    context: 'sensitive',
    agenda: 'Les retards de septembre',
    by,
    at: when.at(globexFrom, '09:30'),
  });
  await run.client({
    type: 'ScheduleClientReview',
    clientId: 'UMBRELLA',
    reviewId: 'R-UMBRELLA-1',
    scheduledFor: when.at(when.day(15), '14:00'),
    requestedBy: 'client',
    period: { from: `${when.day(0).slice(0, 4)}-01-01`, to: when.endOfMonth(when.day(0)) },
    agenda: 'Bilan de l’année',
    by,
    at: when.at(when.day(-3), '17:00'),
  });
}

/** On site: by the hour (45 minutes at 123.45 € an hour, billed 92.59 €) and at a fixed price. */
async function onSiteServices(run: Recorders, when: When): Promise<void> {
  const service = (clientId: string, serviceId: string, agentId: string, product: string, day: string) => ({
    type: 'RecordOnSiteService' as const,
    clientId,
    serviceId,
    agentId,
    product,
    on: day,
    by: agentId,
    at: when.at(day, '18:00'),
  });
  await run.billing({
    ...service('UMBRELLA', 'OS-U1', 'agent-ada', 'ERP', when.day(-36)),
    description: 'Intervention sur site : clôture bloquée',
    pricing: { kind: 'time', minutes: 45 },
  });
  await run.billing({
    ...service('UMBRELLA', 'OS-U2', 'agent-ada', 'ERP', when.day(-20)),
    description: 'Installation de la version 13.0',
    pricing: { kind: 'fixed', service: 'install' },
  });
  await run.billing({
    ...service('GLOBEX', 'OS-G1', 'agent-cyd', 'CRM', when.day(-13)),
    description: 'Paramétrage des relances sur site',
    pricing: { kind: 'time', minutes: 130 },
  });
}

/**
 * ERP, CRM and PAY as the upstream systems fed them over the years, ERP 13 this autumn and the end of
 * ERP 11's support at the year's end; BI launched lately with nobody trained on it (a training
 * proposal). Release notes and known issues; FAQ entries from articles, citing tickets they answered.
 */
async function catalogue(run: Recorders, when: When, played: readonly PlayedTicket[]): Promise<void> {
  const at = (day: string) => when.at(day, '09:00');
  await run.product('product.launched', { product: 'ERP', name: 'Progiciel de gestion' }, at('2018-03-01'));
  await run.product('product.launched', { product: 'CRM', name: 'Relation client' }, at('2020-06-01'));
  await run.product('product.launched', { product: 'PAY', name: 'Paie' }, at('2021-01-04'));
  const versions = [
    ['ERP', '11.0', '2024-02-05'],
    ['ERP', '12.4', '2025-09-01'],
    ['PAY', '3.1', '2025-06-02'],
    ['CRM', '5.2', when.day(-268)],
    ['PAY', '3.2', when.day(-40)],
    ['ERP', '13.0', when.day(-51)],
  ] as const;
  for (const [product, version, day] of versions) {
    await run.product('product.version_released', { product, version }, at(day));
  }
  await run.product(
    'product.support_ended',
    { product: 'ERP', version: '11.0', effectiveOn: `${when.day(0).slice(0, 4)}-12-31` },
    at(when.day(-90)),
  );
  await run.product('product.launched', { product: 'BI', name: 'Tableaux de bord décisionnels' }, at(when.day(-20)));

  const by = MANAGER;
  await run.document({
    type: 'AttachProductionDocument',
    documentId: 'DOC-ERP-13',
    product: 'ERP',
    kind: 'release_notes',
    title: 'Notes de version ERP 13.0',
    link: 'https://docs.example.com/erp/13.0',
    versions: { from: '13.0' },
    by,
    at: at(when.day(-51)),
  });
  await run.document({
    type: 'AttachProductionDocument',
    documentId: 'DOC-ERP-TVA',
    product: 'ERP',
    kind: 'known_issue',
    title: 'Écart de TVA sur les avoirs',
    text: 'Contourner en ressaisissant l’avoir après la clôture',
    versions: { from: '12.0', to: '12.4' },
    by,
    at: at('2026-02-16'),
  });
  await run.document({
    type: 'AttachProductionDocument',
    documentId: 'DOC-PAY-INSTALL',
    product: 'PAY',
    kind: 'installation_guide',
    title: 'Guide d’installation de PAY 3.2',
    link: 'https://docs.example.com/pay/3.2/installation',
    versions: { from: '3.2' },
    by,
    at: at(when.day(-40)),
  });

  const faq = [
    {
      id: 'TVA',
      product: 'ERP',
      problem: 'Écart de TVA sur les avoirs',
      question: 'Pourquoi la TVA de mes avoirs diffère-t-elle ?',
      answer: 'Ressaisissez l’avoir après la clôture de la période.',
      day: '2026-03-02',
    },
    {
      id: 'SEPA',
      product: 'PAY',
      problem: 'Virement SEPA rejeté',
      question: 'Pourquoi mon virement SEPA est-il rejeté ?',
      answer: 'Vérifiez le BIC du salarié : la banque refuse un BIC incomplet.',
      day: '2026-04-13',
    },
  ];
  for (const entry of faq) {
    const articleId = `KB-${entry.id}`;
    const published = at(entry.day);
    await run.article({
      type: 'PublishArticle',
      articleId,
      title: entry.problem,
      body: entry.answer,
      products: [entry.product],
      symptoms: [entry.problem.toLowerCase()],
      by,
      at: published,
    });
    const answered = played
      .filter(
        ({ ticket }) => ticket.description === entry.problem && Date.parse(ticket.receivedAt) < Date.parse(published),
      )
      .slice(0, 3)
      .map(({ ticket }) => ticket.ticketId);
    await run.faq({
      type: 'PublishFaqEntry',
      entryId: `FAQ-${entry.id}`,
      articleId,
      question: entry.question,
      answer: entry.answer,
      product: entry.product,
      ticketIds: answered,
      article: { status: 'published', products: [entry.product] },
      by,
      at: published,
    });
  }
}

/** A training completed on CRM, a skill transfer planned on BI, a PAY session cancelled. */
async function trainings(run: Recorders, when: When): Promise<void> {
  const by = MANAGER;
  const crm = when.day(-71);
  await run.training({
    type: 'PlanTraining',
    trainingId: 'TR-CRM',
    kind: 'training',
    product: 'CRM',
    title: 'CRM 5 pour les collaborateurs ERP',
    attendees: ['agent-bob'],
    level: 'confirmed',
    trainer: 'agent-cyd',
    plannedOn: crm,
    by,
    at: when.at(when.day(-100), '10:00'),
  });
  await run.training({
    type: 'CompleteTraining',
    trainingId: 'TR-CRM',
    completedOn: crm,
    by,
    at: when.at(crm, '17:30'),
  });
  const pay = when.day(-30);
  await run.training({
    type: 'PlanTraining',
    trainingId: 'TR-PAY-DSN',
    kind: 'training',
    product: 'PAY',
    title: 'Paie : les nouveautés de la DSN',
    attendees: ['agent-cyd', 'agent-ada'],
    level: 'basic',
    trainer: 'Organisme de formation Paie Conseil',
    plannedOn: pay,
    by,
    at: when.at(when.day(-75), '10:00'),
  });
  await run.training({
    type: 'CancelTraining',
    trainingId: 'TR-PAY-DSN',
    reason: 'Formateur indisponible, session reportée au printemps',
    by,
    at: when.at(when.day(-33), '16:00'),
  });
  await run.training({
    type: 'PlanTraining',
    trainingId: 'TR-BI',
    kind: 'skill_transfer',
    product: 'BI',
    title: 'BI par l’équipe de développement',
    attendees: ['agent-ada'],
    level: 'basic',
    plannedOn: when.day(13),
    by,
    at: when.at(when.day(-10), '10:00'),
  });
}
