import { getJson } from '../api.js';
import { csvLink, dataTable, fillSection, h } from '../dom.js';
import { formatDateTime, formatNumber, formatPercent, labelOf, monthName, t } from '../i18n.js';

const PRIORITIES = ['P1', 'P2', 'P3'];

const rate = (counts) => (counts.resolved === 0 ? null : counts.within / counts.resolved);

/** Within deadlines over resolved, malfunctions and functional requests together. */
function withinRate(byPriority, priorities = PRIORITIES) {
  let within = 0;
  let resolved = 0;
  for (const priority of priorities) {
    for (const nature of ['malfunctions', 'functional']) {
      within += byPriority[priority][nature].within;
      resolved += byPriority[priority][nature].resolved;
    }
  }
  return rate({ within, resolved });
}

/** A cell that carries its raw value for tests and screen readers alike. */
function cell(value, text, testId) {
  return h('td', { 'data-testid': testId, 'data-value': `${value}`, class: 'number' }, [text]);
}

function withinCell(counts, testId) {
  const share = rate(counts);
  return cell(
    `${counts.within}/${counts.resolved}`,
    `${formatNumber(counts.within)} ${t('outOf')} ${formatNumber(counts.resolved)} (${formatPercent(share)})`,
    testId,
  );
}

function sumOf(byPriority, pick) {
  return PRIORITIES.reduce((sum, priority) => sum + pick(byPriority[priority]), 0);
}

function indicatorRows(view) {
  const total = (pick) => sumOf(view.byPriority, pick);
  const sumCounts = (nature) => ({
    within: total((p) => p[nature].within),
    resolved: total((p) => p[nature].resolved),
  });
  return [
    [
      t('ind1'),
      ...PRIORITIES.map((p) => withinCell(view.byPriority[p].malfunctions, `ind1-${p}`)),
      withinCell(sumCounts('malfunctions'), 'ind1-all'),
    ],
    [
      t('ind2'),
      ...PRIORITIES.map((p) => withinCell(view.byPriority[p].functional, `ind2-${p}`)),
      withinCell(sumCounts('functional'), 'ind2-all'),
    ],
    [
      t('ind3'),
      ...PRIORITIES.map((p) => {
        const days = view.byPriority[p].productionOverrunDays;
        return cell(days, formatNumber(days), `ind3-${p}`);
      }),
      cell(
        total((p) => p.productionOverrunDays),
        formatNumber(total((p) => p.productionOverrunDays)),
        'ind3-all',
      ),
    ],
    [
      t('ind4'),
      ...PRIORITIES.map((p) => {
        const count = view.byPriority[p].productionOverThirtyDays;
        return cell(count, formatNumber(count), `ind4-${p}`);
      }),
      cell(
        total((p) => p.productionOverThirtyDays),
        formatNumber(total((p) => p.productionOverThirtyDays)),
        'ind4-all',
      ),
    ],
    [
      t('ind5'),
      ...PRIORITIES.map((p) => {
        const count = view.byPriority[p].claimingClients;
        return cell(count, formatNumber(count), `ind5-${p}`);
      }),
      cell(view.claimingClients.length, formatNumber(view.claimingClients.length), 'ind5-all'),
    ],
    [
      t('withinRate'),
      ...PRIORITIES.map((p) => {
        const share = withinRate(view.byPriority, [p]);
        return cell(share ?? '', formatPercent(share), `rate-${p}`);
      }),
      cell(withinRate(view.byPriority) ?? '', formatPercent(withinRate(view.byPriority)), 'rate-all'),
    ],
  ];
}

/** @type {import('chart.js').Chart | undefined} */
let chart;

function trendChart(canvas, months) {
  chart?.destroy();
  const Chart = /** @type {any} */ (globalThis).Chart;
  chart = new Chart(canvas, {
    data: {
      labels: months.map((month) => monthName(month.month)),
      datasets: [
        {
          type: 'line',
          label: t('trendRate'),
          data: months.map((month) => {
            const share = withinRate(month.byPriority);
            return share === null ? null : Math.round(share * 1000) / 10;
          }),
          yAxisID: 'rate',
          borderColor: '#1f5fa8',
          backgroundColor: '#1f5fa8',
          spanGaps: true,
        },
        {
          type: 'bar',
          label: t('trendOverrun'),
          data: months.map((month) => sumOf(month.byPriority, (p) => p.productionOverrunDays)),
          yAxisID: 'days',
          backgroundColor: '#e0a33a',
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      locale: document.documentElement.lang === 'en' ? 'en-GB' : 'fr-FR',
      scales: {
        rate: { type: 'linear', position: 'left', min: 0, max: 100, title: { display: true, text: '%' } },
        days: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } },
      },
    },
  });
}

/** Which tickets the figures count, in words: `Filtres : client GLOBEX · produit CRM · production`. */
function scopeText({ clientId, product, nature, environment }) {
  const parts = [
    ...(clientId === undefined ? [] : [`${t('client').toLowerCase()} ${clientId}`]),
    ...(product === undefined ? [] : [`${t('product').toLowerCase()} ${product}`]),
    ...(nature === undefined ? [] : [labelOf('nature', nature)]),
    ...(environment === undefined ? [] : [labelOf('environment', environment)]),
  ];
  return `${t('scope')}${t('colon')}${parts.length === 0 ? t('allTickets') : parts.join(' · ')}`;
}

/** The five indicators of the year per priority, the within-deadline rate, the monthly trend. */
export async function renderIndicators(section, { year, clientId, product, nature, environment }) {
  // The table, the trend and the CSV read the same filters: what the page shows is what it downloads.
  const scope = { year, clientId, product, nature, environment };
  const view = await getJson('/reports/indicators', { ...scope, byMonth: 'true' });
  const canvas = h('canvas', { role: 'img', 'aria-label': t('trend') });
  fillSection(section, 'indicators', [
    h('p', { class: 'as-of' }, [`${t('asOf')} ${formatDateTime(view.asOf)}`]),
    h('p', { class: 'scope', 'data-testid': 'indicators-scope' }, [scopeText(scope)]),
    dataTable({
      caption: `${t('indicators')} ${year}`,
      headers: [t('indicator'), ...PRIORITIES, t('all')],
      rows: indicatorRows(view),
      testId: 'indicators-table',
    }),
    h('p', {}, [
      `${t('billable')}${t('colon')}`,
      h('strong', { 'data-testid': 'billable', 'data-value': `${view.billableOutOfContract}` }, [
        formatNumber(view.billableOutOfContract),
      ]),
      ` · ${t('claimingClients')}${t('colon')}`,
      h('strong', { 'data-testid': 'claiming-clients' }, [view.claimingClients.join(', ') || '—']),
    ]),
    csvLink('/reports/indicators.csv', scope),
    h('h3', {}, [t('trend')]),
    h('div', { class: 'chart' }, [canvas]),
  ]);
  trendChart(canvas, view.months ?? []);
}
