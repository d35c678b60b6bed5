import { getJson, urlOf } from './api.js';
import { askForCredential, credential, credentialHeaders, shareWithStream } from './credentials.js';
import { h } from './dom.js';
import { currentLanguage, labelOf, setLanguage, t, translateStatic } from './i18n.js';
import { renderActivity } from './panels/activity.js';
import { renderActivityReport } from './panels/activity-report.js';
import { renderAtRisk } from './panels/at-risk.js';
import { auditTicketFromHash, renderAudit } from './panels/audit.js';
import { renderBilling } from './panels/billing.js';
import { renderClients } from './panels/clients.js';
import { renderIndicators } from './panels/indicators.js';
import { renderObjectives } from './panels/objectives.js';
import { renderOverruns } from './panels/overruns.js';
import { renderResources } from './panels/resources.js';
import { renderReviews } from './panels/reviews.js';

/**
 * The page's filters. The reporting API narrows every view by client; product, nature and
 * environment narrow its indicators and its ticket list, so they apply to the indicators, the
 * at-risk and the overrun tables.
 * @typedef {{ year: number, clientId?: string, product?: string, nature?: string, environment?: string }} Filters
 */

/** @param {number} at */
const parisYear = (at) =>
  Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(at)));

/** The server's now, not the browser's: the year of the reports is the hotline's current year. */
let serverNow = Date.now();

/** @type {Filters} */
const filters = { year: parisYear(serverNow) };

/** Each panel: its section and how it draws itself from the query API. */
const panels = [
  { id: 'at-risk', render: renderAtRisk },
  { id: 'indicators', render: renderIndicators },
  { id: 'objectives', render: renderObjectives },
  { id: 'overruns', render: renderOverruns },
  { id: 'clients', render: renderClients },
  { id: 'reviews', render: renderReviews },
  { id: 'billing', render: renderBilling },
  { id: 'activity', render: renderActivity },
  { id: 'resources', render: renderResources },
  { id: 'activity-report', render: renderActivityReport },
  // A replay is history: events do not change it, and reading it again would clear the form.
  { id: 'audit', render: renderAudit, follows: false },
];

// The countdowns tick in the page; the server's answer, read again each minute, keeps them true.
const RESYNC_MS = 60_000;

/** Each panel's readings, one after the other: a slow older answer never overwrites a newer one. */
const queues = new Map();

function renderPanel(panel) {
  const next = (queues.get(panel.id) ?? Promise.resolve()).then(() => drawPanel(panel));
  queues.set(panel.id, next);
  return next;
}

async function drawPanel(panel) {
  const section = /** @type {HTMLElement} */ (document.getElementById(panel.id));
  section.setAttribute('aria-busy', 'true');
  try {
    await panel.render(section, filters);
  } catch (error) {
    section.replaceChildren(h('p', { class: 'error', role: 'alert' }, [`${t('failed')}${t('colon')}${error.message}`]));
  } finally {
    section.removeAttribute('aria-busy');
    section.dataset.renders = `${Number(section.dataset.renders ?? 0) + 1}`;
  }
}

let rendering = 0;

/** `body[data-rendering]` while the page reads the API after a change (tests wait for quiet). */
async function busy(work) {
  rendering += 1;
  document.body.dataset.rendering = 'true';
  try {
    await work();
  } finally {
    rendering -= 1;
    if (rendering === 0) delete document.body.dataset.rendering;
  }
}

const renderAll = (which = panels) => busy(() => Promise.all(which.map(renderPanel)));

/** Another year may not list the client or product chosen: it stays a choice, the filter stands. */
const withChosen = (values, chosen) => (chosen === undefined || values.includes(chosen) ? values : [...values, chosen]);

/** The filters' choices: clients and products the year's projections know, the domain's enums. */
async function fillFilters() {
  const yearSelect = /** @type {HTMLSelectElement} */ (document.getElementById('year'));
  const current = parisYear(serverNow);
  yearSelect.replaceChildren(
    ...[current, current - 1, current - 2].map((year) => h('option', { value: `${year}` }, [`${year}`])),
  );
  yearSelect.value = `${filters.year}`;
  const clientSelect = /** @type {HTMLSelectElement} */ (document.getElementById('client'));
  const { items } = await getJson('/reports/processing-times', { year: filters.year }).catch(() => ({ items: [] }));
  clientSelect.replaceChildren(
    h('option', { value: '' }, [t('allClients')]),
    ...withChosen(
      items.map((item) => item.clientId),
      filters.clientId,
    ).map((clientId) => h('option', { value: clientId }, [clientId])),
  );
  clientSelect.value = filters.clientId ?? '';
  const { items: products } = await getJson('/reports/workload', { year: filters.year }).catch(() => ({ items: [] }));
  // Natures and environments: the domain's enums, as the dashboard service publishes them.
  const { natures, environments } = await getJson('/dashboard/choices.json').catch(() => ({
    natures: [],
    environments: [],
  }));
  const choices = {
    product: withChosen(
      products.map((item) => item.product),
      filters.product,
    ).map((product) => [product, product]),
    nature: natures.map((nature) => [nature, labelOf('nature', nature)]),
    environment: environments.map((environment) => [environment, labelOf('environment', environment)]),
  };
  for (const [name, options] of Object.entries(choices)) {
    const select = /** @type {HTMLSelectElement} */ (document.getElementById(name));
    select.replaceChildren(
      h('option', { value: '' }, [t('any')]),
      ...options.map(([value, label]) => h('option', { value }, [label])),
    );
    select.value = filters[name] ?? '';
  }
}

function follow() {
  const live = /** @type {HTMLElement} */ (document.getElementById('live'));
  shareWithStream();
  const source = new EventSource('/events/stream');
  let pending;
  source.addEventListener('open', () => {
    live.textContent = t('live');
    live.dataset.state = 'live';
  });
  source.addEventListener('error', () => {
    live.textContent = t('offline');
    live.dataset.state = 'offline';
  });
  // A burst of events (a ticket's command writes several) is read once, shortly after it ends.
  source.addEventListener('domain-event', () => {
    clearTimeout(pending);
    pending = setTimeout(() => void renderAll(panels.filter((panel) => panel.follows !== false)), 300);
  });
}

/** The first read, which also says whether the API wants a credential the page does not have. */
async function firstRead() {
  try {
    const response = await fetch(urlOf('/reports/processing-times'), {
      headers: { accept: 'application/json', ...credentialHeaders() },
    });
    if (response.status === 401) return { needsCredential: true };
    return { asOf: response.ok ? (await response.json()).asOf : Date.now() };
  } catch {
    return { asOf: Date.now() };
  }
}

async function start() {
  setLanguage(currentLanguage());
  translateStatic();
  const probe = await firstRead();
  if (probe.needsCredential) {
    askForCredential(credential() !== undefined);
    return;
  }
  serverNow = probe.asOf;
  filters.year = parisYear(serverNow);
  await fillFilters();
  document.getElementById('year')?.addEventListener('change', (event) => {
    filters.year = Number(/** @type {HTMLSelectElement} */ (event.target).value);
    void busy(async () => {
      await fillFilters();
      await renderAll();
    });
  });
  for (const [id, name] of [
    ['client', 'clientId'],
    ['product', 'product'],
    ['nature', 'nature'],
    ['environment', 'environment'],
  ]) {
    document.getElementById(id)?.addEventListener('change', (event) => {
      const value = /** @type {HTMLSelectElement} */ (event.target).value;
      filters[name] = value === '' ? undefined : value;
      void renderAll();
    });
  }
  document.getElementById('language')?.addEventListener('click', () =>
    busy(async () => {
      setLanguage(currentLanguage() === 'fr' ? 'en' : 'fr');
      translateStatic();
      await fillFilters();
      await renderAll();
    }),
  );
  // A ticket link (`#audit=<id>`) opens its replay in the audit panel.
  window.addEventListener('hashchange', () => {
    if (!auditTicketFromHash()) return;
    const audit = panels.find((panel) => panel.id === 'audit');
    void busy(() => renderPanel(audit)).then(() => document.getElementById('audit')?.scrollIntoView());
  });
  auditTicketFromHash();
  // A panel asks to be read again when what it shows changes at a known instant (a clock that
  // starts or stops with service hours).
  for (const panel of panels) {
    document.getElementById(panel.id)?.addEventListener('reread', () => void renderPanel(panel));
  }
  follow();
  await renderAll();
  setInterval(() => void renderPanel(panels[0]), RESYNC_MS);
  document.body.dataset.ready = 'true';
}

void start();
