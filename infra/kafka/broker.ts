// A local Kafka broker (KRaft, one node, 127.0.0.1, free ports) from the jars of pom.xml, for
// development and for tools outside the test runner (tests start theirs through packages/testkit).
//   node scripts/toolchain.mjs exec node infra/kafka/broker.ts start   → prints KAFKA_BROKERS=… and KAFKA_DIR=…
//   node scripts/toolchain.mjs exec node infra/kafka/broker.ts stop <KAFKA_DIR>
import { destroyLocalKafka, startLocalKafka } from '../../packages/testkit/src/kafka/local-kafka.ts';

const [command, dir] = process.argv.slice(2);
if (command === 'start') {
  // Owned by init (pid 1), which never exits: the broker runs until `stop`.
  const broker = await startLocalKafka({ ownerPid: 1, ...(dir === undefined ? {} : { dir }) });
  console.log(`KAFKA_BROKERS=${broker.brokers.join(',')}`);
  console.log(`KAFKA_DIR=${broker.dir}`);
  console.error(`started in ${broker.startMs} ms (pid ${broker.pid})`);
} else if (command === 'stop' && dir !== undefined) {
  await destroyLocalKafka(dir);
} else {
  console.error('usage: broker.ts start [dir] | stop <dir>');
  process.exit(2);
}
