// Words of the page, French first (the users' language), English by the switch. Domain words as
// DOMAIN.md writes them in English labels.

const WORDS = {
  fr: {
    title: 'Hotline — tableau de bord',
    skip: 'Aller au contenu',
    switchLanguage: 'English',
    switchLanguageLabel: 'Switch to English',
    year: 'Année',
    client: 'Client',
    allClients: 'Tous les clients',
    live: 'En direct',
    offline: 'Hors ligne, reconnexion…',
    asOf: 'au',
    downloadCsv: 'Télécharger en CSV',
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
  },
  en: {
    title: 'Hotline — dashboard',
    skip: 'Skip to content',
    switchLanguage: 'Français',
    switchLanguageLabel: 'Passer en français',
    year: 'Year',
    client: 'Client',
    allClients: 'All clients',
    live: 'Live',
    offline: 'Offline, reconnecting…',
    asOf: 'as of',
    downloadCsv: 'Download as CSV',
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
  },
};

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
