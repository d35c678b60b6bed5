// A consumer in a process of its own that dies (SIGKILL: no shutdown, no commit) on its first
// message, after printing the message's key. Arguments: brokers topic partitions group sessionTimeoutMs.
import { KafkaBus, silentLogger } from '../../src/index.ts';
import { testTopicNamed } from '../support/test-topics.ts';

const [brokers, name, partitions, group, sessionTimeoutMs] = process.argv.slice(2);
const bus = new KafkaBus({
  brokers: brokers!.split(','),
  clientId: 'doomed',
  logger: silentLogger,
  sessionTimeoutMs: Number(sessionTimeoutMs),
  maxWaitTimeInMs: 100,
});
await bus.consume({
  group: group!,
  topic: testTopicNamed(name!, Number(partitions)),
  handler: (message) => {
    process.stdout.write(`${JSON.stringify({ key: message.key })}\n`, () => process.kill(process.pid, 'SIGKILL'));
    return new Promise(() => {});
  },
});
