// `pnpm bench` (`node bench/run.ts`, `--quick` for smaller loads): what a dispatch pays to read the
// agents' load as the directory grows, `candidates()` (each agent's set size) against the sorted
// copies of each agent's open tickets it made before (`entries()`, still what the manager's view reads),
// in the same run. The load bench (services/standalone) found the copies at 26% of the product's CPU.
import { cpus, loadavg } from 'node:os';
import { type AgentCandidate, agentDecider, chooseAgent, type TicketCommand, ticketDecider } from '@hotline/domain';
import { type NewEvent, NO_STREAM, openMemoryStore } from '@hotline/eventstore';
import { domainUpcaster, streams } from '@hotline/platform';
import { AgentDirectory } from '../src/directory/agent-directory.ts';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [1_000, 10_000, 30_000] : [1_000, 10_000, 100_000, 200_000];
const agentIds = ['ada', 'bob', 'cleo', 'dan', 'eve', 'finn'];
const at = '2026-05-07T16:00:00+02:00';

const log = (line: string) => process.stdout.write(`${line}\n`);
const format = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
// The machine may be shared: its load says how far the figures can be trusted.
const machineLoad = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

/** The events a decider gives, as the store takes them (what `handleCommand` does, without its reads). */
function decided<C, S>(decider: typeof ticketDecider | typeof agentDecider, command: C, state: S): NewEvent[] {
  const outcome = (decider.decide as (command: C, state: S) => ReturnType<typeof decider.decide>)(command, state);
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.error)}`);
  return outcome.value.map(({ type, schemaVersion, ...data }) => ({ type, schemaVersion, data, actor: 'bench' }));
}

function evolved<S, E>(decider: { evolve: (state: S, event: E) => S; initialState: S }, events: NewEvent[]): S {
  return events.reduce(
    (state, event) =>
      decider.evolve(state, { type: event.type, schemaVersion: event.schemaVersion, ...event.data } as E),
    decider.initialState,
  );
}

/** The candidates as the directory computed them before: a sorted copy of each agent's open tickets. */
function sortedCopyCandidates(directory: AgentDirectory): AgentCandidate[] {
  return directory.entries().map(({ agentId, active, availability, skills, openTickets }) => ({
    agentId,
    active,
    available: availability === 'available',
    skills,
    openTickets,
  }));
}

/** Dispatches per second over at least `ms` milliseconds (rounds of `batch`), after a warm-up. */
function rate(dispatch: () => unknown, ms: number, batch: number): number {
  for (let index = 0; index < batch; index += 1) dispatch();
  let done = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let index = 0; index < batch; index += 1) dispatch();
    done += batch;
    elapsed = performance.now() - started;
  }
  return (done / elapsed) * 1_000;
}

log(
  `Triage bench: dispatch reading the agents' load, Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${machineLoad()}`,
);
const store = await openMemoryStore({ upcast: domainUpcaster });
const directory = new AgentDirectory(store);
directory.start();
for (const agentId of agentIds) {
  const registered = decided(
    agentDecider,
    { type: 'RegisterAgent', agentId, name: agentId, role: 'agent', by: 'bench', at },
    agentDecider.initialState,
  );
  const skills = [{ product: 'ERP', level: 'confirmed' }];
  const events = [
    ...registered,
    ...decided(
      agentDecider,
      { type: 'DeclareSkills', agentId, skills, by: 'bench', at },
      evolved(agentDecider, registered),
    ),
  ];
  await store.append(streams.agent(agentId), events, { expectedRevision: NO_STREAM });
}

log('');
log('| open tickets | candidates() | sorted copies (before) | new / old time |');
log('|---|---|---|---|');
let loaded = 0;
for (const size of SIZES) {
  // Open tickets, received then assigned round-robin, as dispatch leaves them when nobody closes any.
  for (; loaded < size; loaded += 1) {
    const ticketId = `T-${loaded}`;
    const receive: TicketCommand = {
      type: 'ReceiveTicket',
      ticketId,
      clientId: 'ACME',
      product: 'ERP',
      version: '12.4',
      environment: 'production',
      description: 'Invoices fail to post',
      reproductionSteps: 'Post any invoice dated in May',
      nature: 'malfunction',
      priority: 'P2',
      reportedBy: 'contact-cleo',
      coverage: { status: 'covered', contractId: 'ACME-M' },
      at,
    };
    const received = decided(ticketDecider, receive, ticketDecider.initialState);
    const agentId = agentIds[loaded % agentIds.length]!;
    const assign: TicketCommand = { type: 'AssignTicket', ticketId, agentId, by: 'triage', at };
    const assigned = decided(ticketDecider, assign, evolved(ticketDecider, received));
    await store.append(streams.ticket(ticketId), [...received, ...assigned], { expectedRevision: NO_STREAM });
  }
  await directory.caughtUp({ timeoutMs: 600_000 });
  const now = chooseAgent('ERP', directory.candidates());
  const before = chooseAgent('ERP', sortedCopyCandidates(directory));
  if (JSON.stringify(now) !== JSON.stringify(before)) throw new Error(`choices differ at ${size} open tickets`);

  const newRate = rate(() => chooseAgent('ERP', directory.candidates()), quick ? 300 : 1_000, 100);
  const oldRate = rate(() => chooseAgent('ERP', sortedCopyCandidates(directory)), quick ? 300 : 1_000, 1);
  log(
    `| ${format(size)} | ${format(newRate)} dispatches/s | ${format(oldRate)} dispatches/s | ${format(oldRate / newRate, 4)} |`,
  );
}
log('');
log(`load average at the end ${machineLoad()}`);
await directory.stop();
await store.close();
