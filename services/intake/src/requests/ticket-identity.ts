import { nameBasedUuid } from '@hotline/eventstore';

/**
 * The same upstream reference always names the same ticket, so a resubmitted or redelivered request
 * lands on the existing ticket instead of opening a second one.
 */
export function ticketIdFor(source: string, externalId: string): string {
  return nameBasedUuid(`ticket:${source}/${externalId}`);
}
