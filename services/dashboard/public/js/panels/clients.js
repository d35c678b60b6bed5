import { getJson, urlOf } from '../api.js';
import { columnsTable, csvLink, fillSection, h } from '../dom.js';
import { currentLanguage, formatDateTime, formatDuration, formatNumber, formatPercent, t } from '../i18n.js';

const milestoneColumns = (milestone) => [
  {
    header: `${t(milestone)} · ${t('count')}`,
    numeric: true,
    id: `${milestone}-count`,
    text: (item) => formatNumber(item[milestone].count),
    value: (item) => item[milestone].count,
  },
  {
    header: `${t(milestone)} · ${t('median')}`,
    numeric: true,
    text: (item) =>
      `${formatDuration(item[milestone].elapsedMedianMs)} (${formatDuration(item[milestone].countedMedianMs)})`,
  },
  {
    header: `${t(milestone)} · ${t('p90')}`,
    numeric: true,
    text: (item) => `${formatDuration(item[milestone].elapsedP90Ms)} (${formatDuration(item[milestone].countedP90Ms)})`,
  },
  {
    header: `${t(milestone)} · ${t('withinShort')}`,
    numeric: true,
    id: `${milestone}-rate`,
    text: (item) => formatPercent(item[milestone].withinDeadlineRate),
    value: (item) => item[milestone].withinDeadlineRate,
  },
];

/** Processing times per client, and each client's printable report for a review meeting. */
export async function renderClients(section, { year, clientId }) {
  const times = await getJson('/reports/processing-times', { year, clientId });
  fillSection(section, 'clients', [
    h('p', { class: 'as-of' }, [`${t('asOf')} ${formatDateTime(times.asOf)} · ${t('timesLegend')}`]),
    columnsTable({
      caption: t('processingTimes'),
      testId: 'processing-times-table',
      rows: times.items,
      key: (item) => item.clientId,
      columns: [
        { header: t('client'), text: (item) => item.clientId, value: (item) => item.clientId },
        ...milestoneColumns('takeCharge'),
        ...milestoneColumns('resolution'),
        {
          header: t('clientReport'),
          text: (item) =>
            h(
              'a',
              {
                href: urlOf(`/reports/clients/${encodeURIComponent(item.clientId)}`, { year, lang: currentLanguage() }),
                target: '_blank',
                rel: 'noopener',
                'data-testid': `client-report-${item.clientId}`,
              },
              [t('printable')],
            ),
        },
      ],
    }),
    csvLink('/reports/processing-times.csv', { year, clientId }),
  ]);
}
