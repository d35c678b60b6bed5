import type { SkillLevel, TrainingEvent, TrainingKind } from '@hotline/domain';

/** A training or skill transfer (`training-<trainingId>`) as planned, then completed or cancelled. */
export interface TrainingRecord {
  readonly kind: 'training';
  readonly trainingId: string;
  readonly training: TrainingKind;
  readonly product: string;
  readonly title: string;
  readonly level: SkillLevel;
  readonly trainer: string | null;
  readonly plannedOn: string;
  readonly planned: readonly string[];
  readonly status: 'planned' | 'completed' | 'cancelled';
  /** Those who completed it (a subset of those planned). */
  readonly completedBy: readonly string[];
  readonly completedOn: string | null;
  readonly cancelledReason: string | null;
}

export function foldTrainingRecord(record: TrainingRecord | undefined, event: TrainingEvent): TrainingRecord {
  switch (event.type) {
    case 'TrainingPlanned':
      return {
        kind: 'training',
        trainingId: event.trainingId,
        training: event.kind,
        product: event.product,
        title: event.title,
        level: event.level,
        trainer: event.trainer ?? null,
        plannedOn: event.plannedOn,
        planned: event.attendees,
        status: 'planned',
        completedBy: [],
        completedOn: null,
        cancelledReason: null,
      };
    case 'TrainingSessionCompleted':
      if (record === undefined) throw new Error(`Training ${event.trainingId}: completed before it was planned`);
      return { ...record, status: 'completed', completedBy: event.attendees, completedOn: event.completedOn };
    case 'TrainingCancelled':
      if (record === undefined) throw new Error(`Training ${event.trainingId}: cancelled before it was planned`);
      return { ...record, status: 'cancelled', cancelledReason: event.reason };
  }
}
