import type { ChainBreak, EventStore } from '@hotline/eventstore';

export interface ChainVerdict {
  readonly intact: boolean;
  readonly checked: number;
  /** The first event whose stored hash does not follow from its content and its predecessor. */
  readonly firstBreak: {
    readonly position: string;
    readonly stream: string;
    readonly revision: string;
    readonly eventId: string;
    readonly reason: ChainBreak['reason'];
    readonly storedHash: string;
    readonly expectedHash: string;
  } | null;
}

/** Recomputes the hash chains of some streams, or of the whole log, and names the first broken position. */
export async function verifyChains(store: EventStore, streams?: readonly string[]): Promise<ChainVerdict> {
  const reports =
    streams === undefined
      ? [await store.verify()]
      : await Promise.all(streams.map((stream) => store.verify({ stream })));
  const checked = reports.reduce((sum, report) => sum + report.checked, 0);
  const breaks = reports
    .flatMap((report) => (report.ok ? [] : [report.break]))
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const first = breaks[0];
  return {
    intact: first === undefined,
    checked,
    firstBreak:
      first === undefined
        ? null
        : {
            position: first.position.toString(),
            stream: first.stream,
            revision: first.revision.toString(),
            eventId: first.eventId,
            reason: first.reason,
            storedHash: first.storedHash,
            expectedHash: first.expectedHash,
          },
  };
}
