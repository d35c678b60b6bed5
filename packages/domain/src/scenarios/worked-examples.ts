import type { SignedContract } from '../contract/contract-state.ts';
import { coverageOf } from '../contract/coverage.ts';
import { signedContract } from '../contract/signed-contract.ts';
import { penaltyOfTicket, type TicketPenalty } from '../penalty/penalty.ts';
import type { DomainError } from '../shared/domain-error.ts';
import { type Instant, toEpochMs } from '../shared/time.ts';
import { type TicketSla, ticketSla } from '../sla/ticket-sla.ts';
import type { TicketCommand } from '../ticket/ticket-commands.ts';
import { ticketDecider } from '../ticket/ticket-decider.ts';
import type { TicketEvent } from '../ticket/ticket-events.ts';
import { acmeHelplineTerms, acmeMaintenanceTerms } from './acme-contract.ts';

/** DOMAIN.md's worked examples as command sequences, played through the decider and judged by the SLA engine. */
export interface WorkedExample {
  readonly number: number;
  readonly title: { readonly fr: string; readonly en: string };
  readonly contracts: readonly SignedContract[];
  readonly commands: readonly TicketCommand[];
  /** The instant the example is read at. */
  readonly now: Instant;
}

export interface PlayedExample {
  readonly example: WorkedExample;
  readonly events: readonly TicketEvent[];
  readonly sla: TicketSla;
  readonly penalty: TicketPenalty;
}

const paris = (local: string, offset: '+01:00' | '+02:00' = '+02:00'): Instant => `${local}:00${offset}`;
const maintenance = signedContract('ACME-M', 'ACME', acmeMaintenanceTerms);
const helpline = signedContract('ACME-H', 'ACME', acmeHelplineTerms);
const agent = 'agent-ada';
const contact = 'contact-cleo';

function reception(
  ticketId: string,
  contracts: readonly SignedContract[],
  request: { nature: 'malfunction' | 'functional'; priority: 'P1' | 'P2' | 'P3'; at: Instant; description: string },
): TicketCommand {
  const details = { clientId: 'ACME', product: 'ERP', environment: 'production' as const };
  const coverage = coverageOf({ ...details, nature: request.nature, receivedAt: toEpochMs(request.at) }, contracts);
  return {
    type: 'ReceiveTicket',
    ticketId,
    ...details,
    version: '12.4',
    reproductionSteps: 'See description',
    reportedBy: contact,
    coverage,
    ...request,
  };
}

export const workedExamples: readonly WorkedExample[] = [
  {
    number: 1,
    title: {
      fr: 'DI P2 de production, pont du 8 mai, attente client et Ascension',
      en: 'P2 production malfunction, 8 May holiday, customer wait and Ascension',
    },
    contracts: [maintenance],
    commands: [
      reception('WE-1', [maintenance], {
        nature: 'malfunction',
        priority: 'P2',
        at: paris('2026-05-07T16:00'),
        description: 'Invoices fail to post',
      }),
      { type: 'TakeCharge', ticketId: 'WE-1', by: agent, at: paris('2026-05-11T10:15') },
      {
        type: 'RequestCustomerInput',
        ticketId: 'WE-1',
        question: 'Which invoice?',
        by: agent,
        at: paris('2026-05-12T10:00'),
      },
      {
        type: 'RecordCustomerReply',
        ticketId: 'WE-1',
        message: 'Invoice 42',
        by: contact,
        at: paris('2026-05-13T14:00'),
      },
      {
        type: 'ProvideWorkaround',
        ticketId: 'WE-1',
        description: 'Post manually',
        by: agent,
        at: paris('2026-05-15T11:30'),
      },
      { type: 'ResolveTicket', ticketId: 'WE-1', how: 'fix', by: agent, at: paris('2026-05-26T15:00') },
    ],
    now: paris('2026-06-30T12:00'),
  },
  {
    number: 2,
    title: {
      fr: 'DI P1 de production reçue la nuit du passage à l’heure d’été',
      en: 'P1 production malfunction received the night clocks go forward',
    },
    contracts: [maintenance],
    commands: [
      reception('WE-2', [maintenance], {
        nature: 'malfunction',
        priority: 'P1',
        at: paris('2026-03-29T01:45', '+01:00'),
        description: 'Production stopped',
      }),
      { type: 'TakeCharge', ticketId: 'WE-2', by: agent, at: paris('2026-03-29T03:30') },
      {
        type: 'ProvideWorkaround',
        ticketId: 'WE-2',
        description: 'Restart batch',
        by: agent,
        at: paris('2026-03-30T13:45'),
      },
      {
        type: 'ResolveTicket',
        ticketId: 'WE-2',
        how: 'patch',
        patchId: 'PATCH-7',
        by: agent,
        at: paris('2026-04-01T09:30'),
      },
    ],
    now: paris('2026-06-30T12:00'),
  },
  {
    number: 3,
    title: {
      fr: 'Demande fonctionnelle P3 rouverte puis résolue à l’échéance exacte',
      en: 'P3 functional request reopened, then resolved exactly when due',
    },
    contracts: [helpline],
    commands: [
      reception('WE-3', [helpline], {
        nature: 'functional',
        priority: 'P3',
        at: paris('2026-06-01T09:00'),
        description: 'How do I export the ledger?',
      }),
      { type: 'TakeCharge', ticketId: 'WE-3', by: agent, at: paris('2026-06-01T11:00') },
      { type: 'ResolveTicket', ticketId: 'WE-3', how: 'answer', by: agent, at: paris('2026-06-02T10:00') },
      { type: 'ReopenTicket', ticketId: 'WE-3', reason: 'Export is empty', by: contact, at: paris('2026-06-04T09:00') },
      { type: 'ResolveTicket', ticketId: 'WE-3', how: 'answer', by: agent, at: paris('2026-06-05T17:00') },
    ],
    now: paris('2026-06-30T12:00'),
  },
  {
    number: 4,
    title: {
      fr: 'DI P3 requalifiée P1 avant la prise en charge',
      en: 'P3 malfunction requalified P1 before anyone took charge',
    },
    contracts: [maintenance],
    commands: [
      reception('WE-4', [maintenance], {
        nature: 'malfunction',
        priority: 'P3',
        at: paris('2026-09-14T09:00'),
        description: 'Reports are slow',
      }),
      {
        type: 'RequalifyTicket',
        ticketId: 'WE-4',
        priority: 'P1',
        reason: 'Production stopped',
        coverage: { status: 'covered', contractId: 'ACME-M' },
        by: agent,
        at: paris('2026-09-14T11:00'),
      },
    ],
    now: paris('2026-09-14T11:00'),
  },
];

/** Plays the commands through the decider; a refusal names the step, since an example must play whole. */
export function playWorkedExample(example: WorkedExample): PlayedExample {
  let state = ticketDecider.initialState;
  const events: TicketEvent[] = [];
  example.commands.forEach((command, step) => {
    const decision = ticketDecider.decide(command, state);
    if (!decision.ok) throw new WorkedExampleRefused(example.number, step, decision.error);
    for (const event of decision.value) {
      events.push(event);
      state = ticketDecider.evolve(state, event);
    }
  });
  const contracts = new Map(example.contracts.map((contract) => [contract.contractId, contract]));
  const sla = ticketSla(events, (id) => contracts.get(id), toEpochMs(example.now));
  return { example, events, sla, penalty: penaltyOfTicket(sla) };
}

export class WorkedExampleRefused extends Error {
  readonly error: DomainError;

  constructor(example: number, step: number, error: DomainError) {
    super(`Worked example ${example}, step ${step + 1}: ${error.code}: ${error.message}`);
    this.error = error;
  }
}
