import { escapeHtml, formatters, htmlTable, type Language, printableDocument } from '../report/html.ts';
import type { TicketAudit } from './ticket-audit.ts';

const words = {
  fr: {
    title: 'Relecture de la DI',
    asOf: 'Situation au',
    contract: 'Contrat et version en vigueur à la réception',
    none: 'Aucun contrat : pas de délai, pas de pénalité',
    timeline: 'Chronologie (flux de la DI et du SLA, par position globale)',
    final: 'Délais au terme',
    penalty: 'Dépassement et pénalité, pas à pas',
    verdict: 'Verdict',
    intact: 'Chaîne de hachage intacte',
    broken: 'Chaîne de hachage ROMPUE à la position',
    sla: 'Événements SLA recalculés à l’identique',
  },
  en: {
    title: 'Ticket replay',
    asOf: 'As of',
    contract: 'Contract and version in force at reception',
    none: 'No contract: no deadline, no penalty',
    timeline: 'Timeline (ticket and SLA streams, by global position)',
    final: 'Deadlines at the end',
    penalty: 'Overrun and penalty, step by step',
    verdict: 'Verdict',
    intact: 'Hash chain intact',
    broken: 'Hash chain BROKEN at position',
    sla: 'SLA events recomputed identically',
  },
} as const;

/** The ticket replay as a printable document an auditor can file. */
export function ticketAuditHtml(audit: TicketAudit, language: Language): string {
  const w = words[language];
  const f = formatters(language);
  const { verdict } = audit;
  const targets = (states: TicketAudit['final']['targets']) =>
    states
      .map(
        (state) =>
          `${escapeHtml(state.target)} ${escapeHtml(state.priority)}: ${escapeHtml(state.status)} (${f.instant(state.dueAt)})`,
      )
      .join('<br>');
  const chain = verdict.hashChain.firstBreak;
  const body = [
    `<h1>${escapeHtml(w.title)} ${escapeHtml(audit.ticketId)}</h1>`,
    `<p class="meta">${escapeHtml(w.asOf)} ${f.instant(audit.asOf)} · ${escapeHtml(audit.coverage.status)}</p>`,
    `<h2>${escapeHtml(w.verdict)}</h2>`,
    `<p class="${verdict.sound ? 'ok' : 'ko'}">${
      chain === null
        ? `${escapeHtml(w.intact)} (${verdict.hashChain.checked})`
        : `${escapeHtml(w.broken)} ${escapeHtml(chain.position)} (${escapeHtml(chain.stream)}@${escapeHtml(chain.revision)}, ${escapeHtml(chain.reason)})`
    } · ${escapeHtml(w.sla)} : ${verdict.slaEvents.recomputed}/${verdict.slaEvents.checked}${
      verdict.slaEvents.unverifiable > 0 ? ` (${verdict.slaEvents.unverifiable} ?)` : ''
    }</p>`,
    `<h2>${escapeHtml(w.contract)}</h2>`,
    audit.contract === null
      ? `<p>${escapeHtml(w.none)}</p>`
      : `<p>${escapeHtml(audit.contract.contractId)} (${escapeHtml(audit.contract.reference)}), ${escapeHtml(audit.contract.clientId)} · ${
          audit.contract.version.amendmentId === null
            ? 'version signée'
            : `avenant ${escapeHtml(audit.contract.version.amendmentId)}`
        } en vigueur depuis ${f.instant(audit.contract.version.effectiveAt)} · ${f.money(audit.contract.annualFeeCents, audit.contract.currency)} / an</p>`,
    `<h2>${escapeHtml(w.timeline)}</h2>`,
    htmlTable(
      ['Position', 'Flux', 'Événement', 'Survenu', 'Enregistré', 'Acteur', 'Délais après', 'Empreinte'],
      audit.timeline.map((event) => [
        escapeHtml(event.position),
        `${escapeHtml(event.stream)}@${escapeHtml(event.revision)}`,
        escapeHtml(event.type),
        f.instant(Date.parse(event.occurredAt)),
        f.instant(Date.parse(event.recordedAt)),
        escapeHtml(event.actor),
        event.targets === null
          ? escapeHtml(event.slaCheck === null ? '' : `${event.slaCheck.verdict}: ${event.slaCheck.detail}`)
          : targets(event.targets),
        `<code>${escapeHtml(event.hash)}</code>`,
      ]),
      '—',
    ),
    `<h2>${escapeHtml(w.final)}</h2>`,
    `<p>${targets(audit.final.targets)}</p>`,
    `<h2>${escapeHtml(w.penalty)}</h2>`,
    htmlTable(
      ['Étape', 'Détail', 'Montant'],
      audit.penalty.steps.map((step) => [
        escapeHtml(step.step),
        escapeHtml(step.detail),
        step.cents === undefined ? '' : f.money(step.cents, audit.contract?.currency ?? 'EUR'),
      ]),
      '—',
    ),
  ];
  return printableDocument(language, `${w.title} ${audit.ticketId}`, body.join('\n'));
}
