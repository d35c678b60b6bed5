import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { brokerRestarter, kafkaInTests } from '@hotline/testkit';
import { busContract } from '../../test/bus-contract.ts';
import { KafkaBus, silentLogger } from '../index.ts';

const kafka = kafkaInTests();
const doomedConsumer = fileURLToPath(new URL('../../test/workers/doomed-consumer.ts', import.meta.url));

busContract(
  'kafka',
  async () => {
    if (!kafka.available) throw new Error(kafka.reason);
    const { brokers, minSessionTimeoutMs } = kafka.endpoint;
    const sessionTimeoutMs = Math.max(minSessionTimeoutMs, 2000);
    const bus = new KafkaBus({ brokers, logger: silentLogger, sessionTimeoutMs, maxWaitTimeInMs: 100 });
    return {
      bus,
      consumeThenDie: async (topic, group) => {
        await bus.ensureTopics([topic]);
        return runDoomedConsumer([
          brokers.join(','),
          topic.name,
          String(topic.partitions),
          group,
          String(sessionTimeoutMs),
        ]);
      },
      restartBroker: brokerRestarter(kafka.endpoint),
      close: () => bus.close(),
    };
  },
  kafka.available ? undefined : kafka.reason,
);

function runDoomedConsumer(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [doomedConsumer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the doomed consumer exited on its own: ${err}`));
      resolve((JSON.parse(out.trim().split('\n')[0]!) as { key: string }).key);
    });
  });
}
