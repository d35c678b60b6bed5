import type { RecordClientMessage, RecordCustomerReply } from './ticket-commands.ts';
import type { TicketState } from './ticket-state.ts';

/**
 * A client's message reads as the awaited reply when the hotline asked a question (it resumes the
 * SLA clock); otherwise it is recorded as a message (a reminder, a remark), which changes nothing.
 */
export function clientMessageCommand(
  state: TicketState,
  message: Omit<RecordClientMessage, 'type'>,
): RecordClientMessage | RecordCustomerReply {
  if (message.kind === 'reply' && state.status === 'awaiting_customer') {
    const { kind: _kind, ...reply } = message;
    return { type: 'RecordCustomerReply', ...reply };
  }
  return { type: 'RecordClientMessage', ...message };
}
