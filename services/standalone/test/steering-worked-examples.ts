import { type TicketCommand, type WorkedExample, workedExamples } from '@hotline/domain';
import type { VirtualClock } from '@hotline/platform';
import { call } from './hotline-api.ts';

/** A call that must succeed (with `key`, an API key): its JSON answer, or an error naming the call and the problem. */
export async function send(base: string, method: string, path: string, body?: object, key?: string) {
  const response = await call(base, method, path, body, key);
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Each domain command of an example as the HTTP call a client, an agent or a manager would make. */
async function overHttp(
  base: string,
  key: string | undefined,
  command: TicketCommand,
  ticketIds: Map<string, string>,
): Promise<void> {
  const occurredAt = command.at;
  if (command.type === 'ReceiveTicket') {
    const { type: _type, ticketId, coverage: _coverage, at: _at, ...request } = command;
    const ticket = await send(base, 'POST', '/tickets', { ...request, externalId: ticketId, occurredAt }, key);
    ticketIds.set(ticketId, ticket.ticketId);
    return;
  }
  const { by } = command as { by: string };
  const post = (path: string, body: object) => send(base, 'POST', path, { ...body, by, occurredAt }, key);
  const path = `/tickets/${ticketIds.get(command.ticketId)}`;
  switch (command.type) {
    case 'TakeCharge':
      return void (await post(`${path}/take-charge`, {}));
    case 'RequestCustomerInput':
      return void (await post(`${path}/customer-questions`, { question: command.question }));
    case 'RecordCustomerReply':
      return void (await post(`${path}/messages`, { kind: 'reply', message: command.message }));
    case 'ProvideWorkaround':
      return void (await post(`${path}/workarounds`, { description: command.description }));
    case 'ResolveTicket':
      return void (command.how === 'answer'
        ? await post(`${path}/answers`, { kind: 'functional', text: 'How to export' })
        : await post(`${path}/fixes`, { how: 'fix', note: 'Corrected' }));
    case 'ReopenTicket':
      return void (await post(`${path}/reopening`, { reason: command.reason }));
    case 'RequalifyTicket':
      return void (await post(`${path}/requalification`, {
        ...(command.priority === undefined ? {} : { priority: command.priority }),
        reason: command.reason,
      }));
    default:
      throw new Error(`no HTTP call for ${command.type} in the worked examples`);
  }
}

/**
 * DOMAIN.md's worked examples on the product at `base`: their contracts signed, then every step over
 * HTTP in time order on the virtual clock, each call with `key` (one the client's, agents' and
 * manager's calls all pass: the manager's); `atReading` runs at each example's reading instant.
 * Returns the product's ticket id of each example's ticket (`WE-1`…).
 */
export async function playWorkedExamplesOverHttp(
  base: string,
  clock: VirtualClock,
  options: {
    key?: string;
    atReading?: (example: WorkedExample, ticketIds: ReadonlyMap<string, string>) => Promise<void>;
  } = {},
): Promise<ReadonlyMap<string, string>> {
  const { key } = options;
  const contracts = new Map(
    workedExamples.flatMap((example) => example.contracts).map((each) => [each.contractId, each]),
  );
  for (const contract of contracts.values()) {
    const { contractId, clientId, reference } = contract;
    const terms = contract.versions[0]!.terms;
    const signed = { contractId, clientId, reference, terms, effectiveFrom: '2026-01-01T00:00:00+01:00', by: 'sales' };
    await send(base, 'POST', '/contracts', signed, key);
  }
  const steps = workedExamples
    .flatMap((example) => example.commands.map((command) => ({ example, command })))
    .sort((a, b) => Date.parse(a.command.at) - Date.parse(b.command.at));
  const readings = [...workedExamples].sort((a, b) => Date.parse(a.now) - Date.parse(b.now));
  const ticketIds = new Map<string, string>();
  for (const example of readings) {
    // Play every step up to this example's reading instant, in time order, on the virtual clock.
    while (steps.length > 0 && Date.parse(steps[0]!.command.at) <= Date.parse(example.now)) {
      const { command } = steps.shift()!;
      await clock.advanceTo(Date.parse(command.at));
      await overHttp(base, key, command, ticketIds);
    }
    await clock.advanceTo(Date.parse(example.now));
    await options.atReading?.(example, ticketIds);
  }
  return ticketIds;
}
