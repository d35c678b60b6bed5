import { describe, it } from 'vitest';
import { specify } from '../../test/given-when-then.ts';
import { ClientCommand } from './client-commands.ts';
import { clientDecider } from './client-decider.ts';
import { ClientEvent, clientEvent } from './client-events.ts';

const { given } = specify(clientDecider, { commands: ClientCommand, events: ClientEvent });
const ids = { clientId: 'ACME', by: 'manager-max', at: '2026-05-04T09:00:00+02:00' };
const migration = { kind: 'migration', reason: 'Moving to ERP 13', from: '2026-06-01', to: '2026-09-30' } as const;
const flagged = clientEvent('ClientContextFlagged', { ...ids, ...migration });
const review = { reviewId: 'R-2026-06', scheduledFor: '2026-06-15T10:00:00+02:00' };
const scheduled = clientEvent('ClientReviewScheduled', { ...ids, ...review });
const minutes = {
  reviewId: 'R-2026-06',
  notes: 'Backlog reviewed',
  actions: [{ description: 'Train two agents on ERP 13' }],
};

describe('client context', () => {
  it('a client is flagged in migration for a period', () => {
    given([])
      .when({ type: 'FlagClientContext', ...ids, ...migration })
      .then([flagged]);
  });

  it('a period that ends before it starts is refused', () => {
    given([])
      .when({ type: 'FlagClientContext', ...ids, ...migration, to: '2026-05-01' })
      .thenRefused('client.context_period_invalid');
  });

  it('a context is flagged once, and cleared only when flagged', () => {
    given([flagged])
      .when({ type: 'FlagClientContext', ...ids, ...migration })
      .thenRefused('client.context_already_flagged');
    given([flagged])
      .when({ type: 'ClearClientContext', ...ids, kind: 'migration' })
      .then([clientEvent('ClientContextCleared', { ...ids, kind: 'migration' })]);
    given([])
      .when({ type: 'ClearClientContext', ...ids, kind: 'sensitive' })
      .thenRefused('client.context_not_flagged');
  });
});

describe('client reviews', () => {
  it('a scheduled review is held once, with its notes and actions', () => {
    given([scheduled])
      .when({ type: 'RecordClientReview', ...ids, ...minutes })
      .then([clientEvent('ClientReviewHeld', { ...ids, ...minutes })]);
    const held = clientEvent('ClientReviewHeld', { ...ids, ...minutes });
    given([scheduled, held])
      .when({ type: 'RecordClientReview', ...ids, ...minutes })
      .thenRefused('client.review_already_held');
  });

  it('a review never scheduled is not held', () => {
    given([])
      .when({ type: 'RecordClientReview', ...ids, ...minutes })
      .thenRefused('client.review_not_scheduled');
  });

  it('a review is scheduled once', () => {
    given([scheduled])
      .when({ type: 'ScheduleClientReview', ...ids, ...review })
      .thenRefused('client.review_already_scheduled');
  });
});

describe('why a review is held', () => {
  it('the client asks for a review of a period', () => {
    const asked = { ...review, requestedBy: 'client', period: { from: '2026-01-01', to: '2026-05-31' } } as const;
    given([])
      .when({ type: 'ScheduleClientReview', ...ids, ...asked })
      .then([clientEvent('ClientReviewScheduled', { ...ids, ...asked })]);
    given([])
      .when({ type: 'ScheduleClientReview', ...ids, ...asked, period: { from: '2026-05-31', to: '2026-01-01' } })
      .thenRefused('client.review_period_invalid');
  });

  it('the hotline schedules one because of a context it flagged, and only then', () => {
    const forMigration = { ...review, requestedBy: 'context', context: 'migration' } as const;
    given([flagged])
      .when({ type: 'ScheduleClientReview', ...ids, ...forMigration })
      .then([clientEvent('ClientReviewScheduled', { ...ids, ...forMigration })]);
    given([])
      .when({ type: 'ScheduleClientReview', ...ids, ...forMigration })
      .thenRefused('client.review_context_not_flagged');
    given([flagged])
      .when({ type: 'ScheduleClientReview', ...ids, ...review, requestedBy: 'context' })
      .thenRefused('client.review_reason_invalid');
    given([flagged])
      .when({ type: 'ScheduleClientReview', ...ids, ...review, requestedBy: 'client', context: 'migration' })
      .thenRefused('client.review_reason_invalid');
  });
});

describe('review actions', () => {
  const held = clientEvent('ClientReviewHeld', { ...ids, ...minutes });
  const completion = { reviewId: 'R-2026-06', action: 0, outcome: 'done' } as const;
  const done = clientEvent('ReviewActionCompleted', { ...ids, ...completion });

  it('an action decided in a held review is marked done', () => {
    given([scheduled, held])
      .when({ type: 'CompleteReviewAction', ...ids, ...completion })
      .then([done]);
  });

  it('an action is dropped with the reason, and never without', () => {
    const dropped = { ...completion, outcome: 'dropped', note: 'The client gave up ERP 13' } as const;
    given([scheduled, held])
      .when({ type: 'CompleteReviewAction', ...ids, ...dropped })
      .then([clientEvent('ReviewActionCompleted', { ...ids, ...dropped })]);
    given([scheduled, held])
      .when({ type: 'CompleteReviewAction', ...ids, ...completion, outcome: 'dropped' })
      .thenRefused('client.review_action_reason_missing');
  });

  it('an action not in the minutes is unknown, as is one of a review not held', () => {
    given([scheduled, held])
      .when({ type: 'CompleteReviewAction', ...ids, ...completion, action: 1 })
      .thenRefused('client.review_action_unknown');
    given([scheduled])
      .when({ type: 'CompleteReviewAction', ...ids, ...completion })
      .thenRefused('client.review_action_unknown');
  });

  it('an action is closed once', () => {
    given([scheduled, held, done])
      .when({ type: 'CompleteReviewAction', ...ids, ...completion, outcome: 'dropped', note: 'late' })
      .thenRefused('client.review_action_already_closed');
  });
});
