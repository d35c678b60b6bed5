import { getJson } from '../api.js';
import { columnsTable, csvLink, fillSection, h } from '../dom.js';
import { formatDateTime, formatNumber, t } from '../i18n.js';

/** @type {import('chart.js').Chart | undefined} */
let chart;

function backlogChart(canvas, points) {
  chart?.destroy();
  const Chart = /** @type {any} */ (globalThis).Chart;
  chart = new Chart(canvas, {
    type: 'line',
    data: {
      // Each point is the backlog at the end of a day or month: labelled by that last day.
      labels: points.map((point) => formatDateTime(Date.parse(point.at) - 1).split(' ')[0]),
      datasets: [{ label: t('backlog'), data: points.map((point) => point.open), borderColor: '#1f5fa8', fill: false }],
    },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
  });
}

const volumeTable = (dimension, volumes, header) =>
  columnsTable({
    caption: header,
    testId: `volumes-${dimension}`,
    rows: volumes.items.filter((item) => item.dimension === dimension),
    key: (item) => item.value,
    columns: [
      { header, text: (item) => item.value },
      {
        header: t('received'),
        numeric: true,
        text: (item) => formatNumber(item.received),
        value: (item) => item.received,
      },
    ],
  });

/** Volumes by product and agent, the backlog over time, FAQ candidates, products needing trained agents. */
export async function renderActivity(section, { year, clientId }) {
  const [volumes, backlog, articles, problems, workload] = await Promise.all([
    getJson('/reports/activity/volumes', { year, clientId }),
    getJson('/reports/activity/backlog', { year, clientId }),
    getJson('/reports/knowledge/articles', { year, clientId }),
    getJson('/reports/knowledge/recurring-problems', { year, clientId }),
    getJson('/reports/workload', { year, clientId }),
  ]);
  const canvas = h('canvas', { role: 'img', 'aria-label': t('backlogOverTime') });
  fillSection(section, 'activity', [
    h('p', { class: 'as-of' }, [`${t('asOf')} ${formatDateTime(volumes.asOf)}`]),
    h('div', { class: 'columns' }, [
      h('div', {}, [volumeTable('product', volumes, t('product'))]),
      h('div', {}, [volumeTable('agent', volumes, t('agent'))]),
    ]),
    csvLink('/reports/activity/volumes.csv', { year, clientId }),
    h('h3', {}, [t('backlogOverTime')]),
    h('div', { class: 'chart' }, [canvas]),
    csvLink('/reports/activity/backlog.csv', { year, clientId }),
    h('h3', {}, [t('faqCandidates')]),
    columnsTable({
      caption: t('recurringProblems'),
      testId: 'recurring-problems',
      rows: problems.items,
      key: (item) => `${item.product}:${item.problem}`,
      columns: [
        { header: t('product'), text: (item) => item.product },
        { header: t('problem'), text: (item) => item.problem },
        {
          header: t('tickets'),
          numeric: true,
          text: (item) => formatNumber(item.tickets),
          value: (item) => item.tickets,
        },
      ],
    }),
    csvLink('/reports/knowledge/recurring-problems.csv', { year, clientId }),
    columnsTable({
      caption: t('linkedArticles'),
      testId: 'faq-articles',
      rows: articles.items,
      key: (item) => item.articleId,
      columns: [
        { header: t('article'), text: (item) => `${item.title}${item.retired ? ` (${t('retired')})` : ''}` },
        { header: t('product'), text: (item) => item.products.join(', ') },
        {
          header: t('tickets'),
          numeric: true,
          text: (item) => formatNumber(item.tickets),
          value: (item) => item.tickets,
        },
      ],
    }),
    csvLink('/reports/knowledge/articles.csv', { year, clientId }),
    h('h3', {}, [t('skills')]),
    columnsTable({
      caption: t('workloadCaption'),
      testId: 'workload',
      rows: workload.items,
      key: (item) => item.product,
      columns: [
        { header: t('product'), text: (item) => item.product },
        { header: t('received'), numeric: true, text: (item) => formatNumber(item.received) },
        { header: t('openTickets'), numeric: true, text: (item) => formatNumber(item.open) },
        { header: t('skilledAgents'), numeric: true, text: (item) => formatNumber(item.skilledAgents) },
        { header: t('perSkilledAgent'), numeric: true, text: (item) => formatNumber(item.ticketsPerSkilledAgent, 1) },
        { header: t('newContracts'), numeric: true, text: (item) => formatNumber(item.newContracts) },
        {
          header: t('needsTraining'),
          id: 'training',
          text: (item) => (item.needsTraining ? t('yes') : t('no')),
          value: (item) => item.needsTraining,
        },
      ],
    }),
    csvLink('/reports/workload.csv', { year, clientId }),
  ]);
  backlogChart(canvas, backlog.items);
}
