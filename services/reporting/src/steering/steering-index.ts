import type { BillingRecord } from './billing-record.ts';
import type { DocumentRecord } from './document-record.ts';
import type { FaqRecord } from './faq-record.ts';
import type { SteeringRecord } from './steering-records.ts';
import type { TrainingRecord } from './training-record.ts';

/** The steering records in the query side's view, by id; few and small, so every query walks them. */
export class SteeringIndex {
  readonly billing = new Map<string, BillingRecord>();
  /** Each billing record's revision: the lines of its invoices are read from its stream up to it. */
  readonly billingRevisions = new Map<string, bigint>();
  readonly trainings = new Map<string, TrainingRecord>();
  readonly documents = new Map<string, DocumentRecord>();
  readonly faqs = new Map<string, FaqRecord>();

  clear(): void {
    this.billing.clear();
    this.billingRevisions.clear();
    this.trainings.clear();
    this.documents.clear();
    this.faqs.clear();
  }

  change(record: SteeringRecord, revision: bigint): void {
    switch (record.kind) {
      case 'billing':
        this.billing.set(record.clientId, record);
        this.billingRevisions.set(record.clientId, revision);
        return;
      case 'training':
        this.trainings.set(record.trainingId, record);
        return;
      case 'document':
        this.documents.set(record.documentId, record);
        return;
      case 'faq':
        this.faqs.set(record.entryId, record);
        return;
    }
  }
}
