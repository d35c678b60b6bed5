import { getJson } from '../api.js';
import { anchorOf, delayToNextChange, remainingAt, runningAt } from '../countdown.js';
import { csvLink, dataTable, fillSection, h } from '../dom.js';
import { formatDateTime, formatNumber, t } from '../i18n.js';

const OPEN_STATUSES = 'received,awaiting_information,taken_charge,in_progress,awaiting_customer,workaround_provided';
const TARGETS = ['takeCharge', 'workaround', 'resolution'];
const LIMIT = 100;

/**
 * Colour of a target by the share of its duration consumed: DOMAIN.md's alert thresholds
 * (75% warning, 90% critical) and the breach.
 * @param {{ status: string, percent: number }} target
 */
export function levelOf(target) {
  if (target.status === 'breached' || target.percent >= 100) return 'breached';
  if (target.percent >= 90) return 'critical';
  if (target.percent >= 75) return 'warning';
  return 'ok';
}

const LEVELS = ['ok', 'warning', 'critical', 'breached'];
const worst = (levels) => levels.reduce((a, b) => (LEVELS.indexOf(b) > LEVELS.indexOf(a) ? b : a), 'ok');

/**
 * What the countdowns tick from: each live target's anchor (`countdown.js`), keyed
 * `<ticketId>:<target>`, from the last answer of the SLA clock. Every answer replaces them.
 * @type {Map<string, { anchor: import('../countdown.js').Anchor, status: string }>}
 */
let clocks = new Map();

/** A target still running towards its milestone (or past due without it): it has a countdown. */
const isLive = (target) => target.reachedAt === null && (target.status === 'running' || target.status === 'breached');

/** @param {number} ms */
function countdownText(ms) {
  const sign = ms < 0 ? '−' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (value) => `${value}`.padStart(2, '0');
  return `${sign}${formatNumber(hours)} h ${pad(minutes)} min ${pad(seconds)} s`;
}

/** Each countdown and its row's colour, from the last answer and the time since. */
function tick(root) {
  const at = performance.now();
  for (const row of root.querySelectorAll('tr[data-ticket]')) {
    const levels = [];
    for (const cell of row.querySelectorAll('[data-target]')) {
      const clock = clocks.get(`${row.dataset.ticket}:${cell.dataset.target}`);
      // A milestone reached (in time or late) is history: the colour tells what is still running.
      if (clock === undefined) continue;
      const remainingMs = remainingAt(clock.anchor, at);
      const { durationMs } = clock.anchor;
      const percent = durationMs === 0 ? 100 : ((durationMs - remainingMs) / durationMs) * 100;
      const level = levelOf({ status: clock.status, percent });
      levels.push(level);
      cell.dataset.level = level;
      cell.dataset.running = `${remainingMs < 0 || runningAt(clock.anchor, at)}`;
      // A clock stopped before its due instant: outside service hours, or a holiday.
      const state = cell.querySelector('.clock-state');
      if (state !== null) state.textContent = cell.dataset.running === 'true' ? '' : t('clockStopped');
      const countdown = cell.querySelector('.countdown');
      if (countdown !== null) {
        countdown.textContent = countdownText(remainingMs);
        countdown.dataset.remainingSeconds = `${Math.trunc(remainingMs / 1000)}`;
      }
    }
    row.dataset.level = worst(levels);
  }
}

let ticker;
let rereading;

// setTimeout takes at most 2^31−1 ms; a change further away is met by the page's periodic reading.
const MAX_TIMEOUT_MS = 2_147_483_647;
// Read a moment after the change, so that the server's answer is already on its other side.
const REREAD_MARGIN_MS = 1_000;

function targetCell(ticketId, target) {
  if (target === undefined) return h('td', {}, ['—']);
  // One block inside the cell: on a phone the cell is a two-column grid (its column's name, then this).
  const lines = isLive(target)
    ? [
        h('span', { class: 'countdown', 'data-testid': `countdown-${ticketId}-${target.target}` }, []),
        h('small', { class: 'clock-state' }, []),
        h('small', {}, [
          `${t(`status_${target.status}`)} · ${formatNumber(target.percent, 1)} % · ${t(`basis_${target.basis}`)}`,
        ]),
        h('small', {}, [target.dueAt === null ? '' : `${t('due')} ${formatDateTime(target.dueAt)}`]),
      ]
    : [
        h('span', {}, [t(`status_${target.status}`)]),
        ...(target.reachedAt === null ? [] : [h('small', {}, [formatDateTime(target.reachedAt)])]),
      ];
  return h('td', { 'data-target': target.target, class: 'target' }, [h('div', { class: 'lines' }, lines)]);
}

/**
 * Each listed ticket's targets, as `GET /tickets/:id/sla` gives them: the lists carry them, so three
 * readings make the panel, whatever the number of tickets. An SLA clock whose lists do not (an older
 * release behind the dashboard alone) is asked ticket by ticket.
 * @param {{ asOf: string, tickets: { ticketId: string, targets?: object[] }[] }} list
 * @param {{ ticketId: string }} ticket
 */
function slaOf(list, ticket) {
  if (ticket.targets === undefined) return getJson(`/tickets/${encodeURIComponent(ticket.ticketId)}/sla`);
  return { ticketId: ticket.ticketId, asOf: list.asOf, targets: ticket.targets };
}

/**
 * Open tickets whose clock runs towards a deadline, the next due instant first, breached ones on
 * top: the SLA clock's lists with every target of each ticket, and the assigned agent from reporting.
 */
export async function renderAtRisk(section, { clientId, product, nature, environment }) {
  const [atRisk, breached, open] = await Promise.all([
    getJson('/sla/at-risk', { limit: LIMIT }),
    getJson('/sla/breached', { limit: LIMIT }),
    getJson('/reports/tickets', { status: OPEN_STATUSES, clientId, product, nature, environment, limit: 1000 }),
  ]);
  const byId = new Map(open.items.map((ticket) => [ticket.ticketId, ticket]));
  // A ticket in both lists (a target past due, another still ahead) shows once, among the breached.
  const listed = new Map();
  for (const list of [breached, atRisk]) {
    for (const ticket of list.tickets) {
      if (byId.has(ticket.ticketId) && !listed.has(ticket.ticketId)) listed.set(ticket.ticketId, slaOf(list, ticket));
    }
  }
  const slas = await Promise.all(listed.values());
  const readAt = performance.now();
  const previous = clocks;
  clocks = new Map();
  for (const sla of slas) {
    for (const target of sla.targets.filter(isLive)) {
      const key = `${sla.ticketId}:${target.target}`;
      const anchor = anchorOf(target, Date.parse(sla.asOf), readAt, previous.get(key)?.anchor);
      clocks.set(key, { anchor, status: target.status });
    }
  }

  const rows = slas.map((sla) => {
    const ticket = byId.get(sla.ticketId);
    const row = [
      h('td', {}, [h('a', { href: `#audit=${sla.ticketId}`, title: sla.ticketId }, [sla.ticketId.slice(0, 8)])]),
      ticket.clientId ?? '—',
      ticket.product ?? '—',
      `${ticket.priority} · ${t(`nature_${ticket.nature}`)}`,
      ticket.assignee ?? t('unassigned'),
      ...TARGETS.map((target) =>
        targetCell(
          sla.ticketId,
          sla.targets.find((each) => each.target === target),
        ),
      ),
    ];
    return row;
  });
  const table = dataTable({
    caption: t('atRiskCaption'),
    headers: [t('ticket'), t('client'), t('product'), t('priority'), t('agent'), ...TARGETS.map((x) => t(x))],
    rows,
    testId: 'at-risk-table',
  });
  // Rows carry their ticket, for the countdowns and the colour.
  const bodyRows = table.querySelectorAll('tbody tr');
  slas.forEach((sla, index) => {
    bodyRows[index]?.setAttribute('data-ticket', sla.ticketId);
  });
  fillSection(section, 'atRisk', [
    h('p', { class: 'as-of' }, [`${t('asOf')} ${formatDateTime(atRisk.asOf)} · ${t('legend')}`]),
    table,
    csvLink('/reports/tickets.csv', { status: OPEN_STATUSES, clientId, product, nature, environment }),
  ]);
  tick(section);
  clearInterval(ticker);
  ticker = setInterval(() => tick(section), 1000);
  // When a clock starts or stops (service hours begin or end, a holiday), read the SLA clock again:
  // it gives the time left then and the next change.
  clearTimeout(rereading);
  const delay = delayToNextChange(
    [...clocks.values()].map((clock) => clock.anchor),
    readAt,
  );
  if (delay !== undefined && delay < MAX_TIMEOUT_MS) {
    rereading = setTimeout(() => section.dispatchEvent(new Event('reread')), delay + REREAD_MARGIN_MS);
  }
}
