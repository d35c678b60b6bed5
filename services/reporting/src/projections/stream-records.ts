import {
  type AgentEvent,
  type AnnualObjectivesSet,
  type ClientEvent,
  type ContractEvent,
  domainEventRegistry,
  type KnowledgeEvent,
  type ProductEvent,
  readStored,
  type TicketEvent,
} from '@hotline/domain';
import type { RecordedEvent } from '@hotline/eventstore';
import { foldSteeringRecord, type SteeringRecord, steeringKindsByPrefix } from '../steering/steering-records.ts';
import { type AgentRecord, foldAgentRecord } from './agent-record.ts';
import { type ArticleRecord, foldArticleRecord } from './article-record.ts';
import { type ClientRecord, foldClientRecord } from './client-record.ts';
import { type ContractRecord, foldContractRecord } from './contract-record.ts';
import { foldObjectivesRecord, type ObjectivesRecord } from './objectives-record.ts';
import { foldProductRecord, type ProductRecord } from './product-record.ts';
import { foldSlaRecord, type SlaRecord } from './sla-record.ts';
import { foldTicketRecord, type TicketRecord } from './ticket-record.ts';

/** The read side's state of one stream. Every view is computed from these records at query time. */
export type StreamRecord =
  | TicketRecord
  | SlaRecord
  | ContractRecord
  | AgentRecord
  | ArticleRecord
  | ProductRecord
  | ClientRecord
  | ObjectivesRecord
  | SteeringRecord;

export type RecordKind = StreamRecord['kind'];

// Patches are left out: no view reads them (a resolution names its patch already).
const kindsByPrefix: readonly (readonly [string, RecordKind])[] = [
  ['ticket-', 'ticket'],
  ['sla-', 'sla'],
  ['contract-', 'contract'],
  ['agent-', 'agent'],
  ['article-', 'article'],
  ['product-', 'product'],
  ['client-', 'client'],
  ['objectives-', 'objectives'],
  ...steeringKindsByPrefix,
];

export const projectedStreamPrefixes: readonly string[] = kindsByPrefix.map(([prefix]) => prefix);

export function recordKindOf(stream: string): RecordKind | undefined {
  return kindsByPrefix.find(([prefix]) => stream.startsWith(prefix))?.[1];
}

/** A stored event as the domain reads it; an unreadable one is a corrupt store, never skipped silently. */
function domainEventOf<E>(event: RecordedEvent): E {
  return readStored(domainEventRegistry, event) as E;
}

/**
 * The record of `event`'s stream after it, or undefined for a stream no view reads. Records are
 * plain JSON values, so that the memory and Redis stores hold the very same thing.
 */
export function foldStreamRecord(record: StreamRecord | undefined, event: RecordedEvent): StreamRecord | undefined {
  const kind = recordKindOf(event.stream);
  switch (kind) {
    case undefined:
      return undefined;
    case 'ticket':
      return foldTicketRecord(record as TicketRecord | undefined, domainEventOf<TicketEvent>(event));
    case 'sla':
      return foldSlaRecord(record as SlaRecord | undefined, event.stream.slice('sla-'.length), event);
    case 'contract':
      return foldContractRecord(record as ContractRecord | undefined, domainEventOf<ContractEvent>(event));
    case 'agent':
      return foldAgentRecord(record as AgentRecord | undefined, domainEventOf<AgentEvent>(event));
    case 'article':
      return foldArticleRecord(record as ArticleRecord | undefined, domainEventOf<KnowledgeEvent>(event));
    case 'product':
      return foldProductRecord(record as ProductRecord | undefined, domainEventOf<ProductEvent>(event));
    case 'client':
      return foldClientRecord(record as ClientRecord | undefined, domainEventOf<ClientEvent>(event));
    case 'objectives':
      return foldObjectivesRecord(domainEventOf<AnnualObjectivesSet>(event));
    default:
      return foldSteeringRecord(kind, record as SteeringRecord | undefined, domainEventOf(event));
  }
}
