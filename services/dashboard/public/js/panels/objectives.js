import { getJson } from '../api.js';
import { columnsTable, csvLink, fillSection, h } from '../dom.js';
import { formatDateTime, formatMoney, formatNumber, formatPercent, labelOf, t } from '../i18n.js';

/** DOMAIN.md's five indicators by the names the objectives give them, as the indicators panel words them. */
const INDICATOR_WORDS = {
  malfunctions: 'ind1',
  functional: 'ind2',
  productionOverrunDays: 'ind3',
  productionOverThirtyDays: 'ind4',
  claimingClients: 'ind5',
};

const indicatorText = (item) =>
  `${t(INDICATOR_WORDS[item.indicator] ?? item.indicator)} · ${item.priority ?? t('allPriorities')}`;

/** A rate is a percentage to reach; any other indicator an amount not to exceed. */
const figure = (item, value) => {
  if (value === null) return '—';
  return item.kind === 'rate' ? formatPercent(value / 100) : formatNumber(value, Number.isInteger(value) ? 0 : 1);
};

const statusBadge = (status) =>
  h('span', { class: 'status', 'data-status': status ?? 'none' }, [labelOf('objective', status ?? 'none')]);

/**
 * The provision against the budget as a bar: the provision to date filled, the year-end projection
 * marked, the budget as the bar's end (or inside it when the projection goes past it).
 */
function budgetGauge(budget) {
  const scale = Math.max(budget.budgetCents, budget.projectedCents, budget.provisionCents, 1);
  const share = (cents) => `${Math.min(100, (cents / scale) * 100).toFixed(2)}%`;
  const words = `${t('provisionToDate')} ${formatMoney(budget.provisionCents)}, ${t('projected').toLowerCase()} ${formatMoney(budget.projectedCents)}, ${t('budgetAmount').toLowerCase()} ${formatMoney(budget.budgetCents)}`;
  return h('div', { class: 'gauge', role: 'img', 'aria-label': words, 'data-status': budget.status }, [
    h('div', { class: 'gauge-fill', style: `width: ${share(budget.provisionCents)}` }),
    h('div', { class: 'gauge-projected', style: `left: ${share(budget.projectedCents)}` }),
    h('div', { class: 'gauge-budget', style: `left: ${share(budget.budgetCents)}` }),
  ]);
}

function budgetBlock(budget) {
  if (budget === null) return [h('p', { class: 'note' }, [t('budgetNotSet')])];
  const amount = (testId, cents) =>
    h('strong', { 'data-testid': testId, 'data-value': `${cents}` }, [formatMoney(cents)]);
  return [
    h('p', {}, [
      `${t('provisionToDate')}${t('colon')}`,
      amount('budget-provision', budget.provisionCents),
      ` · ${t('projected')}${t('colon')}`,
      amount('budget-projected', budget.projectedCents),
      ` · ${t('budgetAmount')}${t('colon')}`,
      amount('budget-amount', budget.budgetCents),
      ' ',
      h('span', { 'data-testid': 'budget-status', 'data-value': budget.status }, [statusBadge(budget.status)]),
      budget.consumed === null ? '' : ` (${formatPercent(budget.consumed)} ${t('budgetConsumed')})`,
    ]),
    budgetGauge(budget),
    h('p', { class: 'note' }, [t('gaugeLegend')]),
  ];
}

/**
 * The chosen year's indicators against their objectives (met, at risk, missed, with the year-end
 * projection and the trend), and the penalty provision against the budget: `GET /reports/objectives/:year`.
 * The objectives are the whole hotline's; the client filter does not narrow them.
 */
export async function renderObjectives(section, { year, clientId }) {
  const view = await getJson(`/reports/objectives/${year}`);
  const content = [
    h('p', { class: 'as-of' }, [
      `${t('asOf')} ${formatDateTime(view.asOf)} · ${t('yearElapsed')}${t('colon')}${formatPercent(view.elapsed)}`,
    ]),
  ];
  if (clientId !== undefined) content.push(h('p', { class: 'scope' }, [t('objectivesScope')]));
  if (!view.set) {
    fillSection(section, 'objectives', [
      ...content,
      h('p', { 'data-testid': 'objectives-not-set' }, [t('objectivesNotSet')]),
    ]);
    return;
  }
  content.push(
    columnsTable({
      caption: `${t('objectivesCaption')} ${year}`,
      testId: 'objectives-table',
      rows: view.objectives,
      key: (item) => `${item.indicator}:${item.priority ?? 'all'}`,
      columns: [
        { header: t('indicator'), text: indicatorText },
        {
          header: t('objective'),
          numeric: true,
          id: 'target',
          text: (item) => `${item.kind === 'rate' ? '≥' : '≤'} ${figure(item, item.target)}`,
          value: (item) => item.target,
        },
        {
          header: t('actual'),
          numeric: true,
          id: 'actual',
          text: (item) => figure(item, item.actual),
          value: (item) => item.actual ?? '',
        },
        {
          header: t('projected'),
          numeric: true,
          id: 'projected',
          text: (item) => figure(item, item.projected),
          value: (item) => item.projected ?? '',
        },
        {
          header: t('status'),
          id: 'status',
          text: (item) => statusBadge(item.status),
          value: (item) => item.status ?? '',
        },
        {
          header: t('trendShort'),
          id: 'trend',
          text: (item) => (item.trend === null ? '—' : labelOf('trend', item.trend)),
          value: (item) => item.trend ?? '',
        },
      ],
    }),
    csvLink('/reports/objectives.csv', { year }),
    h('h3', {}, [t('budget')]),
    ...budgetBlock(view.budget),
  );
  fillSection(section, 'objectives', content);
}
