import { ok } from '../shared/result.ts';
import { ticketEvent } from './ticket-events.ts';
import type {
  ClaimPenalty,
  FileComplaint,
  LinkKnowledgeArticle,
  RecordClientMessage,
  RecordTime,
  SettlePenalty,
  WaivePenalty,
} from './ticket-follow-up-commands.ts';
import { type Decision, onExisting, refuse } from './ticket-refusal.ts';
import { isCovered, type Ticket, type TicketState } from './ticket-state.ts';

// These facts do not move the lifecycle, so they are accepted in any status, closed included:
// a client complains or claims penalties after closing, an agent records time a day late.

export function recordClientMessage(command: RecordClientMessage, state: TicketState): Decision {
  return onExisting(command, state, () => {
    const { type: _type, ...message } = command;
    return ok([ticketEvent('ClientMessageReceived', message)]);
  });
}

export function fileComplaint(command: FileComplaint, state: TicketState): Decision {
  return onExisting(command, state, (ticket) => {
    if (ticket.complaints.includes(command.complaintId)) {
      return refuse('ticket.complaint_already_filed', command, ticket, `complaint ${command.complaintId} is on file`);
    }
    const { type: _type, ...complaint } = command;
    return ok([ticketEvent('ComplaintFiled', complaint)]);
  });
}

/** An uncovered ticket is a billable intervention without deadline, hence without penalty (DOMAIN.md). */
export function claimPenalty(command: ClaimPenalty, state: TicketState): Decision {
  return onExisting(command, state, (ticket) => {
    if (!isCovered(ticket)) {
      const why = `it is not covered by a contract (${ticket.coverage.status})`;
      return refuse('ticket.not_covered', command, ticket, why, { coverage: ticket.coverage });
    }
    if (ticket.penaltyClaims[command.claimId] !== undefined) {
      return refuse('ticket.penalty_claim_exists', command, ticket, `claim ${command.claimId} already exists`);
    }
    const { type: _type, ...claim } = command;
    return ok([ticketEvent('PenaltyClaimed', claim)]);
  });
}

export function settlePenalty(command: SettlePenalty, state: TicketState): Decision {
  return onExisting(command, state, (ticket) => {
    const refusal = openClaimRefusal(command, ticket);
    if (refusal !== undefined) return refusal;
    const { type: _type, ...settlement } = command;
    return ok([ticketEvent('PenaltySettled', settlement)]);
  });
}

export function waivePenalty(command: WaivePenalty, state: TicketState): Decision {
  return onExisting(command, state, (ticket) => {
    const refusal = openClaimRefusal(command, ticket);
    if (refusal !== undefined) return refusal;
    const { type: _type, ...waiver } = command;
    return ok([ticketEvent('PenaltyWaived', waiver)]);
  });
}

export function recordTime(command: RecordTime, state: TicketState): Decision {
  return onExisting(command, state, () => {
    const { type: _type, ...entry } = command;
    return ok([ticketEvent('TimeRecorded', entry)]);
  });
}

export function linkKnowledgeArticle(command: LinkKnowledgeArticle, state: TicketState): Decision {
  return onExisting(command, state, (ticket) => {
    if (ticket.linkedArticles.includes(command.articleId)) {
      return refuse('ticket.article_already_linked', command, ticket, `article ${command.articleId} is already linked`);
    }
    const { type: _type, ...link } = command;
    return ok([ticketEvent('KnowledgeArticleLinked', link)]);
  });
}

function openClaimRefusal(command: SettlePenalty | WaivePenalty, ticket: Ticket): Decision | undefined {
  const claim = ticket.penaltyClaims[command.claimId];
  if (claim === undefined) {
    return refuse('ticket.penalty_claim_unknown', command, ticket, `it has no penalty claim ${command.claimId}`);
  }
  if (claim !== 'open') {
    return refuse('ticket.penalty_claim_not_open', command, ticket, `claim ${command.claimId} is already ${claim}`);
  }
  return undefined;
}
