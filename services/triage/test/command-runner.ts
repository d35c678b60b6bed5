import { type EventStore, handleCommand, type StreamDecider } from '@hotline/eventstore';

/** Commands through their deciders, as the services run them, each under a command id of its own. */
export function commandRunner(store: EventStore, actor = 'test') {
  let commands = 0;
  return <C, E extends { type: string; schemaVersion: number }, S>(
    stream: string,
    decider: StreamDecider<C, E, S, unknown>,
    command: C,
  ) => {
    commands += 1;
    return handleCommand(store, { stream, decider, command, context: { commandId: `${actor}:${commands}`, actor } });
  };
}
