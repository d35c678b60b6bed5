import type { BillingRecord } from './billing-record.ts';
import type { DocumentRecord } from './document-record.ts';
import type { FaqRecord } from './faq-record.ts';
import type { SteeringRecord } from './steering-records.ts';
import type { TrainingRecord } from './training-record.ts';

/** The steering records in the query side's view, by id; few and small, so every query walks them. */
export class SteeringIndex {
  readonly billing = new Map<string, BillingRecord>();
  readonly trainings = new Map<string, TrainingRecord>();
  readonly documents = new Map<string, DocumentRecord>();
  readonly faqs = new Map<string, FaqRecord>();

  clear(): void {
    this.billing.clear();
    this.trainings.clear();
    this.documents.clear();
    this.faqs.clear();
  }

  change(record: SteeringRecord): void {
    switch (record.kind) {
      case 'billing':
        this.billing.set(record.clientId, record);
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
