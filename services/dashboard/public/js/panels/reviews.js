import { getJson } from '../api.js';
import { columnsTable, csvLink, fillSection, h } from '../dom.js';
import { currentLanguage, formatDateTime, formatDay, formatNumber, labelOf, t } from '../i18n.js';
import { nextDay, parisDayStart, printableLink } from '../printable.js';

const contextText = (kind, reason) =>
  kind === null ? '—' : `${labelOf('context', kind)}${reason === null || reason === undefined ? '' : ` (${reason})`}`;

/**
 * The period a review's client report covers: the one the review was scheduled for (`period`, days,
 * both included, as `/reports/reviews` gives it), or, for a review that names none (one held because
 * of a context), the year of the review up to its date.
 */
function reportPeriod(review) {
  if (review.period?.from !== undefined && review.period?.to !== undefined) {
    return { from: parisDayStart(review.period.from), to: parisDayStart(nextDay(review.period.to)) };
  }
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date(review.scheduledForAt));
  return { from: parisDayStart(`${day.slice(0, 4)}-01-01`), to: parisDayStart(nextDay(day)) };
}

/**
 * Client reviews: the clients due one and why, the contexts flagged, the reviews of the year each with
 * its client report for the review's period, and the actions decided with their state.
 */
export async function renderReviews(section, { year, clientId }) {
  const [due, contexts, reviews, actions] = await Promise.all([
    getJson('/reports/clients/reviews-due', { clientId, limit: 1000 }),
    getJson('/reports/reviews/contexts', { limit: 1000 }),
    getJson('/reports/reviews', { year, clientId, limit: 1000 }),
    getJson('/reports/reviews/actions', { year, clientId, limit: 1000 }),
  ]);
  // The contexts route lists every client's: the page narrows it to the client chosen.
  const flagged = contexts.items.filter((item) => clientId === undefined || item.clientId === clientId);
  const lang = currentLanguage();
  const actionsTable = columnsTable({
    caption: t('reviewActions'),
    testId: 'review-actions',
    rows: actions.items,
    key: (item) => `${item.reviewId}:${item.description}`,
    columns: [
      { header: t('client'), text: (item) => item.clientId },
      { header: t('review'), text: (item) => item.reviewId },
      { header: t('action'), text: (item) => item.description },
      { header: t('owner'), text: (item) => item.owner ?? '—' },
      { header: t('dueOn'), text: (item) => (item.dueOn ? formatDay(item.dueOn) : '—') },
      { header: t('status'), id: 'state', text: (item) => labelOf('action', item.state), value: (item) => item.state },
      // Done or dropped: when, and the note (why it was dropped); an open action has neither.
      {
        header: t('closedAt'),
        id: 'closedAt',
        text: (item) => (item.closedAt === null ? '—' : formatDateTime(item.closedAt)),
        value: (item) => item.closedAt ?? '',
      },
      { header: t('actionNote'), id: 'note', text: (item) => item.note ?? '—' },
    ],
  });
  for (const row of actionsTable.querySelectorAll('tbody tr[data-key]')) {
    if (row.querySelector('[data-value="overdue"]')) row.dataset.level = 'critical';
  }
  fillSection(section, 'reviews', [
    h('p', { class: 'as-of' }, [`${t('asOf')} ${formatDateTime(due.asOf)}`]),
    columnsTable({
      caption: t('reviewsDue'),
      testId: 'reviews-due',
      rows: due.items,
      key: (item) => `${item.clientId}:${item.reason}:${item.reviewId ?? item.context}`,
      columns: [
        { header: t('client'), text: (item) => item.clientId, value: (item) => item.clientId },
        {
          header: t('reason'),
          id: 'reason',
          text: (item) => labelOf('reason', item.reason),
          value: (item) => item.reason,
        },
        { header: t('context'), text: (item) => contextText(item.context, item.contextReason) },
        { header: t('review'), text: (item) => item.reviewId ?? '—' },
        {
          header: t('scheduledFor'),
          text: (item) => (item.scheduledForAt === null ? '—' : formatDateTime(item.scheduledForAt)),
        },
      ],
    }),
    csvLink('/reports/clients/reviews-due.csv', { clientId }),
    columnsTable({
      caption: t('contextsFlagged'),
      testId: 'review-contexts',
      rows: flagged,
      key: (item) => `${item.clientId}:${item.context}`,
      columns: [
        { header: t('client'), text: (item) => item.clientId },
        { header: t('context'), text: (item) => contextText(item.context, item.reason) },
        { header: t('from'), text: (item) => formatDay(item.from) },
        { header: t('to'), text: (item) => (item.to === null ? '—' : formatDay(item.to)) },
        { header: t('inForce'), text: (item) => (item.inForce ? t('yes') : t('no')), value: (item) => item.inForce },
      ],
    }),
    csvLink('/reports/reviews/contexts.csv', {}),
    columnsTable({
      caption: `${t('reviewsOfYear')} ${year}`,
      testId: 'reviews',
      rows: reviews.items,
      key: (item) => `${item.clientId}:${item.reviewId}`,
      columns: [
        { header: t('client'), text: (item) => item.clientId },
        { header: t('review'), text: (item) => item.reviewId },
        { header: t('requestedBy'), text: (item) => labelOf('requestedBy', item.requestedBy) },
        { header: t('context'), text: (item) => contextText(item.context, null) },
        { header: t('scheduledFor'), text: (item) => formatDateTime(item.scheduledForAt) },
        { header: t('heldAt'), text: (item) => (item.heldAt === null ? '—' : formatDateTime(item.heldAt)) },
        {
          header: t('status'),
          id: 'state',
          text: (item) => labelOf('review', item.state),
          value: (item) => item.state,
        },
        {
          header: t('actions'),
          numeric: true,
          id: 'actions',
          text: (item) => formatNumber(item.actions),
          value: (item) => item.actions,
        },
        {
          header: t('reportForPeriod'),
          text: (item) =>
            printableLink({
              path: `/reports/clients/${encodeURIComponent(item.clientId)}`,
              query: { ...reportPeriod(item), lang },
              label: t('printable'),
              testId: `review-report-${item.reviewId}`,
            }),
        },
      ],
    }),
    csvLink('/reports/reviews.csv', { year, clientId }),
    actionsTable,
    csvLink('/reports/reviews/actions.csv', { year, clientId }),
  ]);
}
