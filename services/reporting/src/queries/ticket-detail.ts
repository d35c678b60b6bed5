import type { TicketPenalty } from '@hotline/domain';
import type { SlaAlertRecord } from '../projections/sla-record.ts';
import type { PenaltyClaimRecord, ResolutionRecord } from '../projections/ticket-record.ts';
import type { ReportingView } from './reporting-view.ts';
import { judgeTicket } from './ticket-judgement.ts';
import { type TicketRow, ticketRow } from './ticket-queries.ts';

export interface TargetDetail {
  readonly target: string;
  readonly nature: string;
  readonly priority: string;
  readonly basis: string;
  readonly durationMs: number;
  readonly countedMs: number;
  readonly remainingMs: number;
  readonly consumed: number;
  readonly dueAt: number | null;
  readonly reachedAt: number | null;
  readonly status: string;
  readonly warnings: readonly { threshold: number; at: number | null }[];
}

export interface TicketDetail extends TicketRow {
  readonly description: string | null;
  readonly version: string | null;
  readonly paused: boolean;
  readonly overrunMs: number;
  readonly termsInForce: { readonly effectiveAt: number; readonly amendmentId: string | null } | null;
  readonly contractPending: boolean;
  readonly slaTargets: readonly TargetDetail[];
  readonly penalty: TicketPenalty;
  readonly claims: readonly PenaltyClaimRecord[];
  readonly resolutions: readonly ResolutionRecord[];
  readonly articles: readonly string[];
  readonly minutesByAgent: Readonly<Record<string, number>>;
  readonly complaints: number;
  readonly alerts: readonly SlaAlertRecord[];
}

/** One ticket with its clock read afresh at `now` (counted time moves on, so it is never cached). */
export function ticketDetail(view: ReportingView, ticketId: string, now: number): TicketDetail | undefined {
  const entry = view.tickets.get(ticketId);
  if (entry === undefined) return undefined;
  const { record } = entry;
  const contractId = record.ticket.coverage.contractId;
  const judgement = judgeTicket(record, contractId === null ? undefined : view.contracts.get(contractId), now);
  const { evaluation } = judgement.sla;
  return {
    ...ticketRow(entry, judgement, now),
    description: record.ticket.description ?? null,
    version: record.ticket.version ?? null,
    paused: evaluation.paused,
    overrunMs: evaluation.overrunMs,
    termsInForce:
      judgement.termsVersion === null
        ? null
        : { effectiveAt: judgement.termsVersion.effectiveFrom, amendmentId: judgement.termsVersion.amendmentId },
    contractPending: judgement.contractPending,
    slaTargets: evaluation.targets.map((target) => ({
      target: target.target,
      nature: target.nature,
      priority: target.priority,
      basis: target.basis,
      durationMs: target.durationMs,
      countedMs: target.countedMs,
      remainingMs: target.remainingMs,
      consumed: target.consumed,
      dueAt: target.dueAt,
      reachedAt: target.reachedAt,
      status: target.status,
      warnings: target.crossings.filter((crossing) => crossing.threshold < 1),
    })),
    penalty: judgement.penalty,
    claims: record.claims,
    resolutions: record.resolutions,
    articles: record.articles,
    minutesByAgent: record.minutesByAgent,
    complaints: record.complaintsAt.length,
    alerts: view.slas.get(ticketId)?.alerts ?? [],
  };
}
