import { getJson } from '../api.js';
import { columnsTable, csvLink, fillSection, h } from '../dom.js';
import { formatDateTime, formatDay, formatMoney, formatNumber, monthName, t } from '../i18n.js';

/** @type {import('chart.js').Chart | undefined} */
let chart;

const PRIORITY_COLOURS = { P1: '#b3261e', P2: '#e0a33a', P3: '#1f5fa8' };

function overrunChart(canvas, months) {
  chart?.destroy();
  const Chart = /** @type {any} */ (globalThis).Chart;
  chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: months.map((month) => monthName(month.month)),
      datasets: ['P1', 'P2', 'P3'].map((priority) => ({
        label: priority,
        data: months.map((month) => month.byPriority[priority].productionOverrunDays),
        backgroundColor: PRIORITY_COLOURS[priority],
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: t('days') } },
      },
    },
  });
}

/**
 * Overruns and penalties: production tickets past their resolution deadline (over 30 days marked),
 * overrun days per month, the provision per contract against its caps, the claims and who made them.
 */
export async function renderOverruns(section, { year, clientId, product, nature, environment }) {
  const [overruns, indicators, penalties, claims] = await Promise.all([
    getJson('/reports/overruns', { year, clientId, production: 'true' }),
    getJson('/reports/indicators', { year, clientId, byMonth: 'true' }),
    getJson('/reports/penalties', { year, clientId }),
    getJson('/reports/penalties/claims', { year, clientId }),
  ]);
  // The overrun API narrows by client only; its rows name product, nature and environment.
  const narrowed = { ...overruns };
  narrowed.items = overruns.items.filter(
    (item) =>
      (product === undefined || item.product === product) &&
      (nature === undefined || item.nature === nature) &&
      (environment === undefined || item.environment === environment),
  );
  const filtered = narrowed.items.length !== overruns.items.length;
  const overrunDays = filtered ? narrowed.items.reduce((sum, item) => sum + item.overrunDays, 0) : overruns.overrunDays;
  const overThirty = narrowed.items.filter((item) => item.overrunMs > 30 * 86_400_000);
  const canvas = h('canvas', { role: 'img', 'aria-label': t('overrunDaysPerMonth') });
  const table = columnsTable({
    caption: t('productionOverruns'),
    testId: 'overruns-table',
    rows: narrowed.items,
    key: (item) => item.ticketId,
    columns: [
      {
        header: t('ticket'),
        text: (item) => h('a', { href: `#audit=${item.ticketId}`, title: item.ticketId }, [item.ticketId.slice(0, 8)]),
        value: (item) => item.ticketId,
      },
      { header: t('client'), text: (item) => item.clientId ?? '—' },
      { header: t('priority'), text: (item) => item.priority },
      { header: t('resolutionDue'), text: (item) => formatDateTime(item.resolutionDueAt) },
      {
        header: t('resolvedAt'),
        text: (item) => (item.resolvedAt === null ? t('open') : formatDateTime(item.resolvedAt)),
      },
      {
        header: t('overrunDays'),
        numeric: true,
        id: 'days',
        text: (item) => formatNumber(item.overrunDays),
        value: (item) => item.overrunDays,
      },
      {
        header: t('penalty'),
        numeric: true,
        text: (item) => formatMoney(item.penaltyCents),
        value: (item) => item.penaltyCents,
      },
    ],
  });
  for (const row of table.querySelectorAll('tbody tr[data-key]')) {
    if (overThirty.some((item) => item.ticketId === row.getAttribute('data-key'))) row.dataset.level = 'breached';
  }
  fillSection(section, 'overruns', [
    h('p', { class: 'as-of' }, [`${t('asOf')} ${formatDateTime(overruns.asOf)}`]),
    h('p', {}, [
      `${t('ind4')}${t('colon')}`,
      h('strong', { 'data-testid': 'over-thirty', 'data-value': `${overThirty.length}` }, [
        formatNumber(overThirty.length),
      ]),
      ` · ${t('ind3')}${t('colon')}`,
      h('strong', { 'data-testid': 'overrun-days', 'data-value': `${overrunDays}` }, [formatNumber(overrunDays)]),
    ]),
    table,
    csvLink('/reports/overruns.csv', { year, clientId, production: 'true' }),
    h('h3', {}, [t('overrunDaysPerMonth')]),
    h('div', { class: 'chart' }, [canvas]),
    h('h3', {}, [t('provision')]),
    h('p', {}, [
      `${t('provisionTotal')}${t('colon')}`,
      h('strong', { 'data-testid': 'provision-total', 'data-value': `${penalties.provisionCents}` }, [
        formatMoney(penalties.provisionCents),
      ]),
    ]),
    columnsTable({
      caption: t('provisionPerContract'),
      testId: 'penalties-table',
      rows: penalties.items,
      key: (item) => `${item.contractId}:${item.contractYear.index}`,
      columns: [
        { header: t('contract'), text: (item) => item.reference ?? item.contractId },
        { header: t('client'), text: (item) => item.clientId },
        {
          header: t('contractYear'),
          text: (item) => `${formatDay(item.contractYear.startsOn)} → ${formatDay(item.contractYear.endsBefore)}`,
        },
        { header: t('annualFee'), numeric: true, text: (item) => formatMoney(item.annualFeeCents, item.currency) },
        {
          header: t('accrued'),
          numeric: true,
          id: 'accrued',
          text: (item) => formatMoney(item.accruedCents, item.currency),
          value: (item) => item.accruedCents,
        },
        {
          header: t('yearCap'),
          numeric: true,
          id: 'cap',
          text: (item) => formatMoney(item.yearCapCents, item.currency),
          value: (item) => item.yearCapCents,
        },
        {
          header: t('provision'),
          numeric: true,
          id: 'provision',
          text: (item) =>
            `${formatMoney(item.provisionCents, item.currency)}${item.cappedAtYear ? ` (${t('capped')})` : ''}`,
          value: (item) => item.provisionCents,
        },
        {
          header: t('claimedTickets'),
          numeric: true,
          text: (item) =>
            `${formatNumber(item.claimed.count)} · ${formatMoney(item.claimed.provisionedCents, item.currency)}`,
          value: (item) => item.claimed.count,
        },
        { header: t('openClaims'), numeric: true, text: (item) => formatNumber(item.openClaims) },
      ],
    }),
    csvLink('/reports/penalties.csv', { year, clientId }),
    h('h3', {}, [t('claims')]),
    columnsTable({
      caption: t('claimsCaption'),
      testId: 'claims-table',
      rows: claims.items,
      key: (item) => item.clientId,
      columns: [
        { header: t('client'), text: (item) => item.clientId, value: (item) => item.clientId },
        {
          header: t('claimCount'),
          numeric: true,
          id: 'claims',
          text: (item) => formatNumber(item.claims),
          value: (item) => item.claims,
        },
        { header: t('claimedAmount'), numeric: true, text: (item) => formatMoney(item.claimedCents) },
        { header: t('openClaims'), numeric: true, text: (item) => formatNumber(item.open) },
        {
          header: t('settled'),
          numeric: true,
          text: (item) => `${formatNumber(item.settled)} · ${formatMoney(item.settledCents)}`,
        },
        { header: t('waived'), numeric: true, text: (item) => formatNumber(item.waived) },
      ],
    }),
    csvLink('/reports/penalties/claims.csv', { year, clientId }),
  ]);
  overrunChart(canvas, indicators.months ?? []);
}
