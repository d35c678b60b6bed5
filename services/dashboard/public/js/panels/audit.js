import { getJson, urlOf } from '../api.js';
import { columnsTable, fillSection, h } from '../dom.js';
import { currentLanguage, formatDateTime, formatMoney, formatPercent, t } from '../i18n.js';

/** The ticket whose replay is shown: from the form, or a ticket link (`#audit=<id>`) anywhere on the page. */
let ticketId = '';

export function auditTicketFromHash() {
  const match = /^#audit=(.+)$/.exec(location.hash);
  if (match === null) return false;
  ticketId = decodeURIComponent(match[1]);
  return true;
}

const targetsText = (targets) =>
  targets.length === 0
    ? '—'
    : targets
        .map(
          (target) =>
            `${t(target.target)} ${target.priority} : ${t(`status_${target.status}`)}${target.dueAt ? ` (${t('due')} ${formatDateTime(target.dueAt)})` : ''}`,
        )
        .join(' · ');

/** A ticket event: the targets after it; an SLA event: what it raised (a threshold crossed, a breach). */
function slaText(event) {
  if (event.targets !== undefined && event.targets !== null) return targetsText(event.targets);
  const data = event.data ?? {};
  if (typeof data.target !== 'string') return '—';
  const what =
    event.type === 'SlaBreached'
      ? t('status_breached')
      : `${t('threshold')} ${formatPercent(typeof data.threshold === 'number' ? data.threshold : null)}`;
  return `${t(data.target)}${t('colon')}${what}${data.dueAt ? ` (${t('due')} ${formatDateTime(data.dueAt)})` : ''}`;
}

function replayView(replay) {
  return [
    h('p', { 'data-testid': 'audit-summary' }, [
      `${replay.ticketId} · ${t('coverage')}${t('colon')}${replay.coverage.status}${replay.contract ? ` (${replay.contract.reference ?? replay.contract.contractId})` : ''}`,
    ]),
    columnsTable({
      caption: t('timeline'),
      testId: 'audit-timeline',
      rows: replay.timeline,
      key: (event) => event.position,
      columns: [
        { header: t('position'), numeric: true, text: (event) => event.position, value: (event) => event.position },
        { header: t('occurredAt'), text: (event) => formatDateTime(event.occurredAt) },
        { header: t('event'), text: (event) => event.type, value: (event) => event.type },
        { header: t('actor'), text: (event) => event.actor },
        { header: t('slaAfter'), text: (event) => slaText(event) },
      ],
    }),
    h('h3', {}, [t('penaltyDerivation')]),
    h(
      'ol',
      { 'data-testid': 'audit-penalty' },
      replay.penalty.steps.map((step) => h('li', {}, [`${step.step}${t('colon')}${step.detail}`])),
    ),
    h('p', {}, [
      `${t('penalty')}${t('colon')}`,
      h('strong', { 'data-testid': 'audit-amount', 'data-value': `${replay.penalty.amountCents}` }, [
        formatMoney(replay.penalty.amountCents, replay.contract?.currency ?? 'EUR'),
      ]),
      ` · ${t('hashChain')}${t('colon')}${replay.verdict.hashChain.intact ? t('intact') : t('broken')}`,
    ]),
    h(
      'a',
      {
        href: urlOf(`/audit/tickets/${encodeURIComponent(replay.ticketId)}/document`, { lang: currentLanguage() }),
        target: '_blank',
        rel: 'noopener',
      },
      [t('printableReplay')],
    ),
  ];
}

/** A ticket's replay: the timeline with the SLA state after each event, and the penalty derivation. */
export async function renderAudit(section) {
  const input = h('input', {
    id: 'audit-ticket',
    name: 'ticket',
    type: 'text',
    size: '40',
    value: ticketId,
    autocomplete: 'off',
  });
  const form = h('form', { class: 'audit-form', 'data-testid': 'audit-form' }, [
    h('label', { for: 'audit-ticket' }, [t('ticketId')]),
    input,
    h('button', { type: 'submit' }, [t('replay')]),
  ]);
  const result = h('div', { 'data-testid': 'audit-result' }, []);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `audit=${encodeURIComponent(/** @type {HTMLInputElement} */ (input).value.trim())}`;
  });
  if (ticketId !== '') {
    try {
      result.append(...replayView(await getJson(`/audit/tickets/${encodeURIComponent(ticketId)}`)));
    } catch (error) {
      result.append(h('p', { class: 'error', role: 'alert' }, [`${t('failed')}${t('colon')}${error.message}`]));
    }
  }
  fillSection(section, 'audit', [form, result]);
}
