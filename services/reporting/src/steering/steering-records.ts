import type { BillingEvent, DocumentationEvent, FaqEvent, TrainingEvent } from '@hotline/domain';
import { type BillingRecord, foldBillingRecord } from './billing-record.ts';
import { type DocumentRecord, foldDocumentRecord } from './document-record.ts';
import { type FaqRecord, foldFaqRecord } from './faq-record.ts';
import { foldTrainingRecord, type TrainingRecord } from './training-record.ts';

/** The records of the steering streams (issue #11), folded like the others: one per stream. */
export type SteeringRecord = BillingRecord | TrainingRecord | DocumentRecord | FaqRecord;
export type SteeringKind = SteeringRecord['kind'];

export const steeringKindsByPrefix: readonly (readonly [string, SteeringKind])[] = [
  ['billing-', 'billing'],
  ['training-', 'training'],
  ['document-', 'document'],
  ['faq-', 'faq'],
];

type SteeringEvent = BillingEvent | TrainingEvent | DocumentationEvent | FaqEvent;

/** The record of a steering stream after `event` (already read by the domain's registry). */
export function foldSteeringRecord(
  kind: SteeringKind,
  record: SteeringRecord | undefined,
  event: SteeringEvent,
): SteeringRecord {
  switch (kind) {
    case 'billing':
      return foldBillingRecord(record as BillingRecord | undefined, event as BillingEvent);
    case 'training':
      return foldTrainingRecord(record as TrainingRecord | undefined, event as TrainingEvent);
    case 'document':
      return foldDocumentRecord(record as DocumentRecord | undefined, event as DocumentationEvent);
    case 'faq':
      return foldFaqRecord(record as FaqRecord | undefined, event as FaqEvent);
  }
}
