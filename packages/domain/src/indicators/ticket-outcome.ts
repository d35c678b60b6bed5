import type { SlaPriority } from '../contract/contract-terms.ts';
import type { CoverageVerdict } from '../contract/coverage-verdict.ts';

/** What the indicators read of one ticket, as of an instant; reporting and audit build it the same way. */
export interface TicketOutcome {
  readonly ticketId: string;
  readonly clientId: string;
  readonly coverage: CoverageVerdict['status'];
  readonly nature: 'malfunction' | 'functional' | 'evolution' | 'service';
  readonly priority: SlaPriority;
  readonly environment: string;
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
