import { writeHeapSnapshot } from 'node:v8';
import { upstreamSystemsConfig } from '@hotline/intake';
import { inboundTopic, type OutgoingMessage, supportTopics } from '@hotline/messaging';
import { runProcess } from '@hotline/platform';
import { loadConfigOrExit } from '@hotline/runtime';
import { hotlineServices } from '../src/hotline-services.ts';

// The embedded product as `pnpm start` runs it (the same services on one process, the SQLite file
// and the in-process bus its environment names), without the demo and the banner, and with two
// doors for the bench over the IPC channel: messages published on the in-process
// support.inbound.v1 (an upstream system has no other way in), the dead-letter count, which
// the in-process bus keeps inside the process, and a heap snapshot for the census (`heap-census.ts`).

export type BenchRequest =
  | { readonly type: 'publish'; readonly id: number; readonly messages: OutgoingMessage<unknown>[] }
  | { readonly type: 'dead-letters'; readonly id: number }
  | { readonly type: 'heap-snapshot'; readonly id: number; readonly path: string }
  | { readonly type: 'stop' };

export type BenchReply =
  | { readonly type: 'ready'; readonly url: string }
  | { readonly type: 'published'; readonly id: number; readonly error?: string }
  | { readonly type: 'dead-letters'; readonly id: number; readonly count: Record<string, number> }
  | { readonly type: 'heap-snapshot'; readonly id: number; readonly path: string };

const send = (reply: BenchReply) => process.send?.(reply);

const { UPSTREAM_SYSTEMS } = loadConfigOrExit(upstreamSystemsConfig);
const running = await runProcess({
  name: 'hotline',
  description: 'The hotline in one process, under the load bench.',
  services: (context) => hotlineServices(context, { intake: { upstreamSystems: UPSTREAM_SYSTEMS } }),
});
const { bus } = running.context;
const deadLetters: Record<string, number> = {};
for (const topic of supportTopics) {
  const target = topic.deadLetter;
  if (target === undefined) continue;
  deadLetters[target.name] = 0;
  await bus.consume({
    group: 'bench-dead-letters',
    topic: target,
    handler: () => {
      deadLetters[target.name] = (deadLetters[target.name] ?? 0) + 1;
    },
  });
}

process.on('message', (request: BenchRequest) => {
  switch (request.type) {
    case 'publish':
      bus.publish(inboundTopic, request.messages as never).then(
        () => send({ type: 'published', id: request.id }),
        (error: Error) => send({ type: 'published', id: request.id, error: error.message }),
      );
      return;
    case 'dead-letters':
      send({ type: 'dead-letters', id: request.id, count: { ...deadLetters } });
      return;
    case 'heap-snapshot':
      // Synchronous, and only reachable objects: V8 collects first.
      send({ type: 'heap-snapshot', id: request.id, path: writeHeapSnapshot(request.path) });
      return;
    case 'stop':
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
      return;
  }
});
// Orphaned (the bench stopped without a word): stop rather than hold the port and the file.
process.on('disconnect', () => void running.stop().finally(() => process.exit(0)));
send({ type: 'ready', url: running.url });
