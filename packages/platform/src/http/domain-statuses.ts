import type { DomainErrorStatus } from '@hotline/runtime';

/**
 * What a domain refusal means over HTTP. Unknown aggregates and records are 404; a state that does
 * not allow the command, or a fact already recorded, is a 409 conflict; a command the rules refuse
 * for what it says (reopen window elapsed, incomplete request…) is a 422, the fallback.
 */
const notFound = ['not_found', 'penalty_claim_unknown', 'version_unknown'];
const conflict = [
  'already_received',
  'already_signed',
  'already_joined',
  'already_left',
  'already_published',
  'already_released',
  'already_launched',
  'already_registered',
  'not_released',
  'already_taken_charge',
  'already_assigned',
  'already_scheduled',
  'already_held',
  'already_flagged',
  'already_end_of_support',
  'amendment_exists',
  'complaint_already_filed',
  'article_already_linked',
  'penalty_claim_exists',
  'invalid_transition',
  'not_open',
  'not_resolved',
  'not_awaiting_information',
  'not_awaiting_customer',
  'closed',
  'rejected',
  'cancelled',
  'terminated',
  'retired',
  'left',
  'out_of_order',
  'revision_conflict',
];

/** The status of a domain error code, by its last part (`ticket.closed` → `closed`). */
export function domainErrorStatus(code: string): DomainErrorStatus {
  const reason = code.slice(code.indexOf('.') + 1);
  if (notFound.includes(reason)) return 404;
  // A fact already recorded is a conflict whatever names it (`client.review_already_held`).
  if (conflict.includes(reason) || /(^|_)already_/.test(reason)) return 409;
  return 422;
}
