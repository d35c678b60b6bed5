import { getJson } from '../api.js';
import { columnsTable, csvLink, fillSection, h } from '../dom.js';
import {
  formatDateTime,
  formatDay,
  formatDuration,
  formatMoney,
  formatNumber,
  labelOf,
  monthName,
  t,
} from '../i18n.js';

/** `2026-11` → `nov. 2026`. @param {string} month */
const monthText = (month) => `${monthName(Number(month.slice(5, 7)))} ${month.slice(0, 4)}`;

const minutesText = (minutes) => (minutes === null || minutes === undefined ? '—' : formatDuration(minutes * 60_000));

/** Totals per currency: a client may be billed in more than one. */
function grandTotals(totals) {
  const byCurrency = new Map();
  for (const total of totals) byCurrency.set(total.currency, (byCurrency.get(total.currency) ?? 0) + total.amountCents);
  return [...byCurrency];
}

/**
 * Billing of the chosen year: the billable amounts per client and month to the cent, the items
 * themselves with the invoicing CSV, and, aside, the time no price list priced (never in the totals).
 * `GET /reports/billing?month=<year>` answers the three together, the totals folded up to the very
 * revision the items are read to, so they add up.
 */
export async function renderBilling(section, { year, clientId }) {
  const scope = { clientId, month: `${year}` };
  const view = await getJson('/reports/billing', { ...scope, limit: 1000 });
  const totals = grandTotals(view.totals);
  fillSection(section, 'billing', [
    h('p', { class: 'as-of' }, [`${t('asOf')} ${formatDateTime(view.asOf)}`]),
    h('p', {}, [
      `${t('billingTotal')}${t('colon')}`,
      ...(totals.length === 0
        ? [h('strong', { 'data-testid': 'billing-total', 'data-value': '0' }, [formatMoney(0)])]
        : totals.map(([currency, cents], index) =>
            h(
              'strong',
              { 'data-testid': index === 0 ? 'billing-total' : `billing-total-${currency}`, 'data-value': `${cents}` },
              [`${index === 0 ? '' : ' + '}${formatMoney(cents, currency)}`],
            ),
          )),
    ]),
    columnsTable({
      caption: `${t('billingTotals')} ${year}`,
      testId: 'billing-totals',
      rows: view.totals,
      key: (item) => `${item.clientId}:${item.month}:${item.currency}`,
      columns: [
        { header: t('client'), text: (item) => item.clientId },
        { header: t('month'), text: (item) => monthText(item.month) },
        {
          header: t('items'),
          numeric: true,
          id: 'items',
          text: (item) => formatNumber(item.items),
          value: (item) => item.items,
        },
        {
          header: t('minutes'),
          numeric: true,
          text: (item) => minutesText(item.minutes),
          value: (item) => item.minutes,
        },
        {
          header: t('amount'),
          numeric: true,
          id: 'amount',
          text: (item) => formatMoney(item.amountCents, item.currency),
          value: (item) => item.amountCents,
        },
      ],
    }),
    csvLink('/reports/billing/totals.csv', scope),
    view.total > view.items.length
      ? h('p', { class: 'note' }, [`${formatNumber(view.items.length)} ${t('shownOf')} ${formatNumber(view.total)}`])
      : '',
    columnsTable({
      caption: t('billingItems'),
      testId: 'billing-items',
      rows: view.items,
      key: (item) => `${item.clientId}:${item.itemId}`,
      columns: [
        { header: t('client'), text: (item) => item.clientId },
        { header: t('day'), text: (item) => formatDay(item.on) },
        { header: t('origin'), text: (item) => labelOf('origin', item.origin) },
        { header: t('product'), text: (item) => item.product ?? '—' },
        { header: t('agent'), text: (item) => item.agentId ?? '—' },
        { header: t('description'), text: (item) => item.description ?? '—' },
        {
          header: t('minutes'),
          numeric: true,
          text: (item) => (item.pricing === 'fixed' ? t('fixedPrice') : minutesText(item.minutes)),
        },
        {
          header: t('rate'),
          numeric: true,
          text: (item) =>
            item.rateCents === undefined || item.rateCents === null ? '—' : formatMoney(item.rateCents, item.currency),
        },
        {
          header: t('amount'),
          numeric: true,
          id: 'amount',
          text: (item) => formatMoney(item.amountCents, item.currency),
          value: (item) => item.amountCents,
        },
      ],
    }),
    // The invoicing export: every item of the filter, whatever the page shows.
    csvLink('/reports/billing.csv', scope),
    columnsTable({
      caption: t('unpriced'),
      testId: 'billing-unpriced',
      rows: view.unpriced,
      key: (item) => `${item.clientId}:${item.itemId}`,
      columns: [
        { header: t('client'), text: (item) => item.clientId },
        { header: t('day'), text: (item) => formatDay(item.on) },
        {
          header: t('ticket'),
          text: (item) =>
            item.ticketId
              ? h('a', { href: `#audit=${item.ticketId}`, title: item.ticketId }, [item.ticketId.slice(0, 8)])
              : '—',
        },
        { header: t('agent'), text: (item) => item.agentId ?? '—' },
        { header: t('nature'), text: (item) => labelOf('nature', item.workKind) },
        {
          header: t('minutes'),
          numeric: true,
          id: 'minutes',
          text: (item) => minutesText(item.minutes),
          value: (item) => item.minutes,
        },
        { header: t('reason'), text: (item) => labelOf('unpricedReason', `${item.reason}`.replace('.', '_')) },
      ],
    }),
    csvLink('/reports/billing/unpriced.csv', scope),
  ]);
}
