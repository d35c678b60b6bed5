import type { RecordedEvent } from '@hotline/eventstore';
import { intern } from '@hotline/platform';

/**
 * The SLA clock's derived facts for one ticket (`sla-<ticketId>`: warnings and breaches). Kept as
 * stored, since their schema belongs to the SLA clock: reporting shows them beside the ticket and the
 * audit checks that each recomputes from the ticket's own events.
 */
export interface SlaAlertRecord {
  readonly type: string;
  readonly position: string;
  readonly target: string | null;
  readonly threshold: number | null;
  readonly at: string | null;
}

export interface SlaRecord {
  readonly kind: 'sla';
  readonly ticketId: string;
  readonly alerts: readonly SlaAlertRecord[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const sharedText = (value: unknown) => (typeof value === 'string' ? intern(value) : null);

export function foldSlaRecord(record: SlaRecord | undefined, ticketId: string, event: RecordedEvent): SlaRecord {
  const { data } = event;
  const threshold = typeof data.threshold === 'number' ? data.threshold : event.type === 'SlaBreached' ? 1 : null;
  return {
    kind: 'sla',
    ticketId,
    alerts: [
      ...(record?.alerts ?? []),
      {
        type: intern(event.type),
        position: event.position.toString(),
        target: sharedText(data.target),
        threshold,
        at: text(data.at) ?? event.occurredAt,
      },
    ],
  };
}
