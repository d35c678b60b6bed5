import { getJson } from '../api.js';
import { csvLink, dataTable, fillSection, h } from '../dom.js';
import { formatDateTime, formatNumber, t } from '../i18n.js';

const OPEN_STATUSES = 'received,awaiting_information,taken_charge,in_progress,awaiting_customer,workaround_provided';
const TARGETS = ['takeCharge', 'workaround', 'resolution'];
const LIMIT = 100;

/**
 * Colour of a target by the share of its duration consumed: DOMAIN.md's alert thresholds
 * (75%, 90%) and the breach.
 * @param {{ status: string, percent: number }} target
 */
export function levelOf(target) {
  if (target.status === 'breached' || target.percent >= 100) return 'breached';
  if (target.percent >= 90) return 'alarm';
  if (target.percent >= 75) return 'warning';
  return 'ok';
}

const LEVELS = ['ok', 'warning', 'alarm', 'breached'];
const worst = (levels) => levels.reduce((a, b) => (LEVELS.indexOf(b) > LEVELS.indexOf(a) ? b : a), 'ok');

/**
 * What the countdowns tick from: each running target's remaining counted time when the server
 * answered, and whether its clock is running now. A calendar target's clock always runs; a
 * business one only in service hours, which the page does not know: it is judged running when its
 * remaining time went down since the previous answer (the first time: Paris office hours,
 * Monday to Friday 09:00–12:30, 13:30–18:00). Every answer from the server resets the countdowns.
 * @type {Map<string, { remainingMs: number, durationMs: number, fetchedAt: number, running: boolean, status: string, live: boolean }>}
 */
const clocks = new Map();

function inStandardServiceHours(at) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type) => parts.find((each) => each.type === type)?.value ?? '';
  const minutes = Number(part('hour')) * 60 + Number(part('minute'));
  const weekday = !['Sat', 'Sun'].includes(part('weekday'));
  return weekday && ((minutes >= 540 && minutes < 750) || (minutes >= 810 && minutes < 1080));
}

function remember(ticketId, target, asOf) {
  const key = `${ticketId}:${target.target}`;
  const previous = clocks.get(key);
  // Past its due instant, the time left is the overrun so far, in wall time (DOMAIN.md: end − due).
  const remainingMs =
    target.status === 'breached' && target.dueAt !== null
      ? Date.parse(target.dueAt) - asOf
      : target.remainingMinutes * 60_000;
  const running =
    target.status === 'breached' ||
    (target.status === 'running' &&
      (target.basis === 'calendar' ||
        (previous === undefined ? inStandardServiceHours(asOf) : remainingMs < previous.remainingMs)));
  clocks.set(key, {
    remainingMs,
    durationMs: target.durationMinutes * 60_000,
    fetchedAt: performance.now(),
    running,
    status: target.status,
    live: target.reachedAt === null && (target.status === 'running' || target.status === 'breached'),
  });
}

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
  for (const row of root.querySelectorAll('tr[data-ticket]')) {
    const levels = [];
    for (const cell of row.querySelectorAll('[data-target]')) {
      const clock = clocks.get(`${row.dataset.ticket}:${cell.dataset.target}`);
      // A milestone reached (in time or late) is history: the colour tells what is still running.
      if (clock === undefined || !clock.live) continue;
      const elapsed = clock.running ? performance.now() - clock.fetchedAt : 0;
      const remainingMs = clock.remainingMs - elapsed;
      const percent = clock.durationMs === 0 ? 100 : ((clock.durationMs - remainingMs) / clock.durationMs) * 100;
      const status = clock.status === 'running' && remainingMs < 0 ? 'breached' : clock.status;
      const level = levelOf({ status, percent });
      levels.push(level);
      cell.dataset.level = level;
      const countdown = cell.querySelector('.countdown');
      if (countdown !== null) countdown.textContent = countdownText(remainingMs);
    }
    row.dataset.level = worst(levels);
  }
}

let ticker;

function targetCell(ticketId, target) {
  if (target === undefined) return h('td', {}, ['—']);
  const cell = h('td', { 'data-target': target.target, class: 'target' }, []);
  if (target.reachedAt === null && (target.status === 'running' || target.status === 'breached')) {
    cell.append(
      h('span', { class: 'countdown', 'data-testid': `countdown-${ticketId}-${target.target}` }, []),
      h('br'),
      h('small', {}, [
        `${t(`status_${target.status}`)} · ${formatNumber(target.percent, 1)} % · ${t(`basis_${target.basis}`)}`,
      ]),
      h('br'),
      h('small', {}, [target.dueAt === null ? '' : `${t('due')} ${formatDateTime(target.dueAt)}`]),
    );
  } else {
    cell.append(
      t(`status_${target.status}`),
      ...(target.reachedAt === null ? [] : [h('br'), h('small', {}, [formatDateTime(target.reachedAt)])]),
    );
  }
  return cell;
}

/**
 * Open tickets whose clock runs towards a deadline, the next due instant first, breached ones on
 * top: the SLA clock's lists, each ticket's targets, and the assigned agent from reporting.
 */
export async function renderAtRisk(section, { clientId, product, nature, environment }) {
  const [atRisk, breached, open] = await Promise.all([
    getJson('/sla/at-risk', { limit: LIMIT }),
    getJson('/sla/breached', { limit: LIMIT }),
    getJson('/reports/tickets', { status: OPEN_STATUSES, clientId, product, nature, environment, limit: 1000 }),
  ]);
  const byId = new Map(open.items.map((ticket) => [ticket.ticketId, ticket]));
  const listed = [...breached.tickets, ...atRisk.tickets].filter((ticket) => byId.has(ticket.ticketId));
  const ids = [...new Set(listed.map((ticket) => ticket.ticketId))];
  const slas = await Promise.all(ids.map((ticketId) => getJson(`/tickets/${encodeURIComponent(ticketId)}/sla`)));
  for (const sla of slas) for (const target of sla.targets) remember(sla.ticketId, target, Date.parse(sla.asOf));

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
}
