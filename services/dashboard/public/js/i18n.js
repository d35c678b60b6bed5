// Words of the page, French first (the users' language), English by the switch. Domain words as
// DOMAIN.md writes them in English labels.

import { STEERING_WORDS } from './steering-words.js';

const WORDS = {
  fr: {
    title: 'Hotline — tableau de bord',
    skip: 'Aller au contenu',
    switchLanguage: 'English',
    switchLanguageLabel: 'Switch to English',
    year: 'Année',
    client: 'Client',
    allClients: 'Tous les clients',
    nature: 'Nature',
    environment: 'Environnement',
    any: 'Tous',
    environment_production: 'production',
    environment_preproduction: 'préproduction',
    environment_test: 'test',
    environment_development: 'développement',
    scope: 'Filtres',
    allTickets: 'toutes les DI',
    live: 'En direct',
    offline: 'Hors ligne, reconnexion…',
    asOf: 'au',
    downloadCsv: 'Télécharger en CSV',
    credentialsTitle: 'Identification',
    credentialsHelp: 'Collez votre clé d’API ou votre jeton : la page la garde pour cet onglet seulement.',
    credentialsRefused: 'Clé ou jeton refusé.',
    credentialsLabel: 'Clé d’API ou jeton',
    credentialsSubmit: 'Valider',
    loading: 'Chargement…',
    failed: 'Lecture impossible',
    none: 'Aucune ligne',
    navIndicators: 'Indicateurs',
    navAtRisk: 'À risque',
    navOverruns: 'Dépassements',
    indicators: 'Indicateurs de l’année',
    indicator: 'Indicateur',
    all: 'Toutes',
    ind1: 'DI dysfonctionnement résolues dans les délais',
    ind2: 'DI fonctionnelles résolues dans les délais',
    ind3: 'Jours de dépassement des DI de production',
    ind4: 'DI de production dépassant 30 jours',
    ind5: 'Clients ayant levé des pénalités',
    withinRate: 'Taux de DI dans les délais',
    billable: 'Interventions facturées hors contrat',
    claimingClients: 'Clients ayant levé des pénalités',
    trend: 'Tendance mensuelle',
    trendRate: 'Dans les délais (%)',
    trendOverrun: 'Jours de dépassement (production)',
    outOf: 'sur',
    colon: ' : ',
    atRisk: 'À risque maintenant',
    atRiskCaption: 'DI ouvertes, la prochaine échéance d’abord (dépassées en tête)',
    legend: 'jaune : 75 % du délai consommé, orange : 90 %, rouge : dépassé',
    ticket: 'DI',
    product: 'Produit',
    priority: 'Priorité',
    agent: 'Collaborateur',
    unassigned: 'non affectée',
    takeCharge: 'Prise en charge',
    workaround: 'Contournement',
    resolution: 'Résolution',
    due: 'échéance',
    clockStopped: 'arrêté : hors heures ouvrées',
    status_running: 'en cours',
    status_paused: 'en pause',
    status_met: 'respecté',
    status_breached: 'dépassé',
    status_void: 'sans objet',
    basis_business: 'heures ouvrées',
    basis_calendar: '24/7',
    nature_malfunction: 'dysfonctionnement',
    nature_functional: 'fonctionnelle',
    nature_evolution: 'évolution',
    nature_service: 'prestation',
    overruns: 'Dépassements et pénalités',
    productionOverruns: 'DI de production en dépassement (rouge : plus de 30 jours)',
    overrunDaysPerMonth: 'Jours de dépassement par mois (production)',
    days: 'jours',
    resolutionDue: 'Résolution due',
    resolvedAt: 'Résolue le',
    open: 'ouverte',
    overrunDays: 'Jours de dépassement',
    penalty: 'Pénalité',
    provision: 'Provision des pénalités',
    provisionTotal: 'Provision totale',
    provisionPerContract: 'Provision par contrat et année contractuelle, plafonnée',
    contract: 'Contrat',
    contractYear: 'Année contractuelle',
    annualFee: 'Redevance annuelle',
    accrued: 'Pénalités courues',
    yearCap: 'Plafond annuel',
    capped: 'plafonnée',
    claimedTickets: 'DI réclamées · provision',
    openClaims: 'Réclamations ouvertes',
    claims: 'Pénalités levées',
    claimsCaption: 'Clients ayant levé des pénalités dans l’année',
    claimCount: 'Réclamations',
    claimedAmount: 'Montant réclamé',
    settled: 'Réglées',
    waived: 'Abandonnées',
    navClients: 'Clients',
    navActivity: 'Activité',
    navAudit: 'Audit',
    clients: 'Clients : délais de traitement',
    count: 'nombre',
    withinShort: 'dans les délais',
    threshold: 'seuil',
    median: 'médiane',
    p90: '90e centile',
    timesLegend: 'durée écoulée (entre parenthèses : temps compté par le contrat)',
    processingTimes: 'Délais de traitement par client',
    clientReport: 'Point client',
    printable: 'Rapport imprimable',
    dayShort: 'j',
    activity: 'Activité et compétences',
    backlog: 'DI ouvertes',
    backlogOverTime: 'DI ouvertes au fil du temps',
    received: 'Reçues',
    faqCandidates: 'Candidats à la FAQ',
    recurringProblems: 'Problèmes récurrents sans article',
    problem: 'Problème',
    tickets: 'DI',
    linkedArticles: 'Articles liés à de nombreuses DI',
    article: 'Article',
    retired: 'retiré',
    skills: 'Charge et compétences par produit',
    workloadCaption: 'Produits : charge, collaborateurs formés, besoin de formation',
    openTickets: 'Ouvertes',
    skilledAgents: 'Collaborateurs formés',
    perSkilledAgent: 'DI par collaborateur formé',
    newContracts: 'Nouveaux contrats',
    needsTraining: 'Former des collaborateurs',
    yes: 'oui',
    no: 'non',
    audit: 'Audit : rejouer une DI',
    ticketId: 'Identifiant de la DI',
    replay: 'Rejouer',
    coverage: 'Couverture',
    timeline: 'Chronologie (flux de la DI et du SLA, par position)',
    position: 'Position',
    occurredAt: 'Survenu le',
    event: 'Événement',
    actor: 'Acteur',
    slaAfter: 'État des délais après l’événement',
    penaltyDerivation: 'Calcul de la pénalité',
    hashChain: 'Chaîne d’empreintes',
    intact: 'intacte',
    broken: 'rompue',
    printableReplay: 'Version imprimable',
  },
  en: {
    title: 'Hotline — dashboard',
    skip: 'Skip to content',
    switchLanguage: 'Français',
    switchLanguageLabel: 'Passer en français',
    year: 'Year',
    client: 'Client',
    allClients: 'All clients',
    nature: 'Nature',
    environment: 'Environment',
    any: 'All',
    environment_production: 'production',
    environment_preproduction: 'preproduction',
    environment_test: 'test',
    environment_development: 'development',
    scope: 'Filters',
    allTickets: 'all tickets',
    live: 'Live',
    offline: 'Offline, reconnecting…',
    asOf: 'as of',
    downloadCsv: 'Download as CSV',
    credentialsTitle: 'Sign in',
    credentialsHelp: 'Paste your API key or token: the page keeps it for this tab only.',
    credentialsRefused: 'Key or token refused.',
    credentialsLabel: 'API key or token',
    credentialsSubmit: 'Sign in',
    loading: 'Loading…',
    failed: 'Could not read',
    none: 'No rows',
    navIndicators: 'Indicators',
    navAtRisk: 'At risk',
    navOverruns: 'Overruns',
    indicators: 'Indicators of the year',
    indicator: 'Indicator',
    all: 'All',
    ind1: 'Malfunction tickets resolved within deadlines',
    ind2: 'Functional tickets resolved within deadlines',
    ind3: 'Overrun days of production tickets',
    ind4: 'Production tickets over 30 days',
    ind5: 'Clients that claimed penalties',
    withinRate: 'Rate of tickets within deadlines',
    billable: 'Billable out-of-contract interventions',
    claimingClients: 'Clients that claimed penalties',
    trend: 'Monthly trend',
    trendRate: 'Within deadlines (%)',
    trendOverrun: 'Overrun days (production)',
    outOf: 'of',
    colon: ': ',
    atRisk: 'At risk now',
    atRiskCaption: 'Open tickets, the next due instant first (breached on top)',
    legend: 'yellow: 75% of the time consumed, orange: 90%, red: breached',
    ticket: 'Ticket',
    product: 'Product',
    priority: 'Priority',
    agent: 'Agent',
    unassigned: 'unassigned',
    takeCharge: 'takeCharge',
    workaround: 'workaround',
    resolution: 'resolution',
    due: 'due',
    clockStopped: 'stopped: outside service hours',
    status_running: 'running',
    status_paused: 'paused',
    status_met: 'met',
    status_breached: 'breached',
    status_void: 'void',
    basis_business: 'business hours',
    basis_calendar: '24/7',
    nature_malfunction: 'malfunction',
    nature_functional: 'functional',
    nature_evolution: 'evolution',
    nature_service: 'service',
    overruns: 'Overruns and penalties',
    productionOverruns: 'Production tickets past their deadline (red: over 30 days)',
    overrunDaysPerMonth: 'Overrun days per month (production)',
    days: 'days',
    resolutionDue: 'Resolution due',
    resolvedAt: 'Resolved',
    open: 'open',
    overrunDays: 'Overrun days',
    penalty: 'Penalty',
    provision: 'Penalty provision',
    provisionTotal: 'Total provision',
    provisionPerContract: 'Provision per contract and contract year, capped',
    contract: 'Contract',
    contractYear: 'Contract year',
    annualFee: 'Annual fee',
    accrued: 'Accrued',
    yearCap: 'Year cap',
    capped: 'capped',
    claimedTickets: 'Claimed tickets · provision',
    openClaims: 'Open claims',
    claims: 'Claimed penalties',
    claimsCaption: 'Clients that claimed penalties in the year',
    claimCount: 'Claims',
    claimedAmount: 'Amount claimed',
    settled: 'Settled',
    waived: 'Waived',
    navClients: 'Clients',
    navActivity: 'Activity',
    navAudit: 'Audit',
    clients: 'Clients: processing times',
    count: 'count',
    withinShort: 'within deadlines',
    threshold: 'threshold',
    median: 'median',
    p90: '90th percentile',
    timesLegend: 'elapsed time (in brackets: time counted by the contract)',
    processingTimes: 'Processing times per client',
    clientReport: 'Client review',
    printable: 'Printable report',
    dayShort: 'd',
    activity: 'Activity and skills',
    backlog: 'Open tickets',
    backlogOverTime: 'Backlog over time',
    received: 'Received',
    faqCandidates: 'FAQ candidates',
    recurringProblems: 'Recurring problems without an article',
    problem: 'Problem',
    tickets: 'Tickets',
    linkedArticles: 'Articles linked to many tickets',
    article: 'Article',
    retired: 'retired',
    skills: 'Workload and skills per product',
    workloadCaption: 'Products: workload, skilled agents, training needed',
    openTickets: 'Open',
    skilledAgents: 'Skilled agents',
    perSkilledAgent: 'Tickets per skilled agent',
    newContracts: 'New contracts',
    needsTraining: 'Needs trained agents',
    yes: 'yes',
    no: 'no',
    audit: 'Audit: replay a ticket',
    ticketId: 'Ticket id',
    replay: 'Replay',
    coverage: 'Coverage',
    timeline: 'Timeline (ticket and SLA streams, by position)',
    position: 'Position',
    occurredAt: 'Occurred',
    event: 'Event',
    actor: 'Actor',
    slaAfter: 'SLA state after the event',
    penaltyDerivation: 'Penalty derivation',
    hashChain: 'Hash chain',
    intact: 'intact',
    broken: 'broken',
    printableReplay: 'Printable version',
  },
};

for (const language of ['fr', 'en']) Object.assign(WORDS[language], STEERING_WORDS[language]);

const LOCALES = { fr: 'fr-FR', en: 'en-GB' };
const TIME_ZONE = 'Europe/Paris';

/** @type {'fr' | 'en'} */
let language = localStorage.getItem('hotline.lang') === 'en' ? 'en' : 'fr';

/** @returns {'fr' | 'en'} */
export const currentLanguage = () => language;

/** @param {'fr' | 'en'} next */
export function setLanguage(next) {
  language = next;
  localStorage.setItem('hotline.lang', next);
  document.documentElement.lang = next;
}

/** @param {string} key */
export function t(key) {
  return WORDS[language][key] ?? WORDS.fr[key] ?? key;
}

/**
 * A domain code in the page's language (`nature_malfunction` → `dysfonctionnement`), or the code
 * itself when the page has no word for it yet.
 * @param {string} kind @param {string} code
 */
export function labelOf(kind, code) {
  const key = `${kind}_${code}`;
  return WORDS[language][key] ?? WORDS.fr[key] ?? code;
}

/** Every element with `data-i18n` (text) or `data-i18n-label` (aria-label) takes the current words. */
export function translateStatic(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  }
  document.title = t('title');
}

const locale = () => LOCALES[language];

/** @param {number} value @param {number} [digits] */
export const formatNumber = (value, digits = 0) =>
  new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);

/** @param {number} cents @param {string} [currency] */
export const formatMoney = (cents, currency = 'EUR') =>
  new Intl.NumberFormat(locale(), { style: 'currency', currency }).format(cents / 100);

/** @param {number | null} share a ratio from 0 to 1 */
export const formatPercent = (share) =>
  share === null || Number.isNaN(share)
    ? '—'
    : new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** @param {string | number} instant */
export const formatDateTime = (instant) =>
  new Intl.DateTimeFormat(locale(), { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(instant),
  );

/** @param {number} month 1 to 12 */
export const monthName = (month) =>
  new Intl.DateTimeFormat(locale(), { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, month - 1, 15));

/** @param {string} day a calendar day, `YYYY-MM-DD` */
export const formatDay = (day) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** A duration in days, hours and minutes: `2 j 3 h 05 min` / `2 d 3 h 05 min`. @param {number | null} ms */
export function formatDuration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = `${minutes % 60}`.padStart(2, '0');
  return `${days > 0 ? `${formatNumber(days)} ${t('dayShort')} ` : ''}${hours} h ${rest} min`;
}
