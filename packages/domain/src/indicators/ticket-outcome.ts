import type { CoverageVerdict } from '../contract/coverage-verdict.ts';
import type { Environment, Nature, Priority } from '../ticket/ticket-classification.ts';

/** What the indicators read of one ticket, as of an instant; reporting and audit build it the same way. */
export interface TicketOutcome {
  readonly ticketId: string;
  readonly clientId: string;
  readonly coverage: CoverageVerdict['status'];
  readonly nature: Nature;
  readonly priority: Priority;
  readonly environment: Environment;
  readonly receivedAt: number;
  /** The resolution that stands (after any reopening); null while open. */
  readonly resolvedAt: number | null;
  /** Rejected or cancelled: not counted in the indicators. */
  readonly withdrawn: boolean;
  readonly withinDeadlines: boolean | null;
  readonly overrunMs: number;
  readonly overrunDays: number;
  readonly penaltyClaimsAt: readonly number[];
}
