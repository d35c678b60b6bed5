import { getJson } from '../api.js';
import { columnsTable, csvLink, fillSection, h } from '../dom.js';
import { currentLanguage, formatDateTime, formatDay, formatDuration, formatNumber, labelOf, t } from '../i18n.js';

const AXES = ['product', 'client', 'agent'];

const minutesText = (minutes) => formatDuration(minutes * 60_000);

const timeTable = (by, time) =>
  columnsTable({
    caption: t(`timeBy_${by}`),
    testId: `time-${by}`,
    rows: time.items,
    key: (item) => item.key,
    columns: [
      { header: t(by), text: (item) => item.key },
      {
        header: t('tickets'),
        numeric: true,
        text: (item) => formatNumber(item.tickets),
        value: (item) => item.tickets,
      },
      {
        header: t('minutes'),
        numeric: true,
        id: 'minutes',
        text: (item) => minutesText(item.minutes),
        value: (item) => item.minutes,
      },
    ],
  });

/** A product's end of support: the whole product's, or each version's that has one. */
function endOfSupportText(item) {
  const ends = [
    ...(item.endOfSupport === null ? [] : [formatDay(item.endOfSupport)]),
    ...item.versionsEndOfSupport.map((end) => `${end.version}${t('colon')}${formatDay(end.effectiveOn)}`),
  ];
  return ends.length === 0 ? t('supported') : ends.join(', ');
}

/**
 * Resources: the time recorded in the year per product, client and agent; the trainings proposed with
 * their reason and the trainings of the year; the product catalogue with its ends of support and the
 * count of its documents and FAQ entries. The time and catalogue routes take no client: the whole
 * hotline's.
 */
export async function renderResources(section, { year, clientId }) {
  const [times, proposals, trainings, catalogue] = await Promise.all([
    Promise.all(AXES.map((by) => getJson('/reports/time', { year, by, limit: 1000 }))),
    getJson('/reports/trainings/proposals', { year, limit: 1000 }),
    getJson('/reports/trainings', { year, limit: 1000 }),
    getJson('/reports/products', { year, limit: 1000 }),
  ]);
  const english = currentLanguage() === 'en';
  fillSection(section, 'resources', [
    h('p', { class: 'as-of' }, [`${t('asOf')} ${formatDateTime(times[0].asOf)}`]),
    h('h3', {}, [t('timeSpent')]),
    ...(clientId === undefined ? [] : [h('p', { class: 'scope' }, [t('timeScope')])]),
    h('p', {}, [
      `${t('minutes')}${t('colon')}`,
      h('strong', { 'data-testid': 'time-total', 'data-value': `${times[0].minutes}` }, [
        minutesText(times[0].minutes),
      ]),
    ]),
    h(
      'div',
      { class: 'columns' },
      AXES.map((by, index) => h('div', {}, [timeTable(by, times[index]), csvLink('/reports/time.csv', { year, by })])),
    ),
    h('h3', {}, [t('proposals')]),
    columnsTable({
      caption: t('proposalsCaption'),
      testId: 'training-proposals',
      rows: proposals.items,
      key: (item) => item.product,
      columns: [
        { header: t('product'), text: (item) => item.product },
        {
          header: t('reason'),
          text: (item) => (english ? item.reasonEn : item.reason),
          value: (item) => item.reasons.join(' '),
        },
        { header: t('skilledAgents'), numeric: true, text: (item) => formatNumber(item.skilledAgents) },
        {
          header: t('agentsToTrain'),
          numeric: true,
          id: 'to-train',
          text: (item) => formatNumber(item.agentsToTrain),
          value: (item) => item.agentsToTrain,
        },
        { header: t('ticketsLast90Days'), numeric: true, text: (item) => formatNumber(item.ticketsLast90Days) },
        { header: t('ticketsYear'), numeric: true, text: (item) => formatNumber(item.ticketsYear) },
        { header: t('newContracts'), numeric: true, text: (item) => formatNumber(item.newContracts) },
      ],
    }),
    csvLink('/reports/trainings/proposals.csv', { year }),
    columnsTable({
      caption: `${t('trainings')} ${year}`,
      testId: 'trainings',
      rows: trainings.items,
      key: (item) => item.trainingId,
      columns: [
        { header: t('training'), text: (item) => item.title },
        { header: t('product'), text: (item) => item.product },
        { header: t('plannedOn'), text: (item) => formatDay(item.plannedOn) },
        { header: t('attendees'), text: (item) => item.planned.join(', ') },
        {
          header: t('status'),
          id: 'status',
          text: (item) => labelOf('training', item.status),
          value: (item) => item.status,
        },
      ],
    }),
    csvLink('/reports/trainings.csv', { year }),
    h('h3', {}, [t('catalogue')]),
    columnsTable({
      caption: t('catalogueCaption'),
      testId: 'catalogue',
      rows: catalogue.items,
      key: (item) => item.product,
      columns: [
        { header: t('product'), text: (item) => item.product },
        { header: t('name'), text: (item) => item.name ?? '—' },
        { header: t('versions'), text: (item) => item.versions.map((version) => version.version).join(', ') || '—' },
        { header: t('endOfSupport'), text: endOfSupportText },
        {
          header: t('documents'),
          numeric: true,
          id: 'documents',
          text: (item) => formatNumber(item.documents),
          value: (item) => item.documents,
        },
        {
          header: t('faqEntries'),
          numeric: true,
          id: 'faq',
          text: (item) => formatNumber(item.faqEntries),
          value: (item) => item.faqEntries,
        },
        {
          header: t('received'),
          numeric: true,
          text: (item) => formatNumber(item.received),
          value: (item) => item.received,
        },
      ],
    }),
    csvLink('/reports/products.csv', { year }),
  ]);
}
