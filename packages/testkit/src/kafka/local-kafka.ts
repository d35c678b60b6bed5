import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitUntil } from '../net/ports.ts';
import { isAlive, onPath, readPid, terminate } from '../net/processes.ts';

/**
 * A single-node Apache Kafka (KRaft, combined broker and controller) on 127.0.0.1, run from the
 * Maven Central jars listed in infra/kafka/pom.xml on the machine's Java 17. Everything about a
 * broker lives in its folder (config, data, log, pid), so any process can restart or stop it:
 * tests running in vitest workers restart the broker that the global setup started.
 */
export interface LocalKafka {
  brokers: string[];
  dir: string;
  pid: number;
  /** From the spawn (or the format, on a first start) to "Kafka Server started". */
  startMs: number;
}

export interface LocalKafkaOptions {
  /** The broker's folder; a new temporary one by default. */
  dir?: string;
  /** A process whose death stops the broker (a test run's main process): no broker outlives its run. */
  ownerPid?: number;
  startTimeoutMs?: number;
}

const infraDir = fileURLToPath(new URL('../../../../infra/kafka/', import.meta.url));
const readyLine = 'Kafka Server started';

export function kafkaLibDir(): string {
  return process.env.KAFKA_LIB_DIR ?? join(infraDir, '.lib');
}

/** Why no local broker can run here, or undefined. */
export function localKafkaUnavailable(): string | undefined {
  if (onPath('java') === undefined) return 'no java on PATH to run a local Kafka broker';
  if (!existsSync(join(kafkaLibDir(), '.pom-sha256')) && onPath('mvn') === undefined) {
    return `no Kafka jars in ${kafkaLibDir()} and no mvn to fetch them (infra/kafka/fetch.sh)`;
  }
  return undefined;
}

/** Fetches the jars when infra/kafka/pom.xml changed since the last fetch (a no-op otherwise). */
export function ensureKafkaJars(): void {
  const result = spawnSync('bash', [join(infraDir, 'fetch.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`infra/kafka/fetch.sh failed (exit ${result.status})`);
}

// The broker starts in a few seconds on 2 cores with a small heap and the serial collector;
// upstream's 1 GiB G1 default only costs start time and memory in tests.
const jvmOptions = ['-Xms128m', '-Xmx512m', '-XX:+UseSerialGC', '-Xss512k', '-Djava.awt.headless=true'];

export async function startLocalKafka(options: LocalKafkaOptions = {}): Promise<LocalKafka> {
  ensureKafkaJars();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'hotline-kafka-'));
  const begun = Date.now();
  if (!existsSync(join(dir, 'server.properties'))) await configure(dir);
  const ports = JSON.parse(readFileSync(join(dir, 'ports.json'), 'utf8')) as { port: number };
  const pid = await spawnBroker(dir, options.ownerPid ?? process.pid, options.startTimeoutMs ?? 60_000);
  return { brokers: [`127.0.0.1:${ports.port}`], dir, pid, startMs: Date.now() - begun };
}

/** A controlled shutdown (SIGTERM); the folder stays, so `startLocalKafka({ dir })` brings the same broker back. */
export async function stopLocalKafka(dir: string): Promise<void> {
  const pid = readPid(join(dir, 'broker.pid'));
  if (pid !== undefined) await terminate(pid, 20_000);
}

/** Stops the broker and deletes its folder. */
export async function destroyLocalKafka(dir: string): Promise<void> {
  await stopLocalKafka(dir);
  rmSync(dir, { recursive: true, force: true });
}

export function localKafkaRunning(dir: string): boolean {
  const pid = readPid(join(dir, 'broker.pid'));
  return pid !== undefined && isAlive(pid);
}

async function configure(dir: string): Promise<void> {
  mkdirSync(join(dir, 'data'), { recursive: true });
  const port = await freePort();
  let controllerPort = await freePort();
  while (controllerPort === port) controllerPort = await freePort();
  writeFileSync(join(dir, 'ports.json'), JSON.stringify({ port, controllerPort }));
  writeFileSync(join(dir, 'server.properties'), serverProperties(dir, port, controllerPort));
  writeFileSync(join(dir, 'log4j2.xml'), log4jConfig);
  const format = spawnSync(
    'java',
    [
      ...jvmOptions,
      `-Dlog4j2.configurationFile=${join(dir, 'log4j2.xml')}`,
      '-cp',
      `${kafkaLibDir()}/*`,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId(),
      '-c',
      join(dir, 'server.properties'),
      '--ignore-formatted',
    ],
    { encoding: 'utf8' },
  );
  if (format.status !== 0) throw new Error(`formatting the Kafka storage failed: ${format.stderr || format.stdout}`);
}

/** What `StorageTool random-uuid` prints, without a JVM start: 16 random bytes, base64url. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    // Kafka never hands out ids starting with '-': they would read as command-line options.
    if (!id.startsWith('-')) return id;
  }
}

function serverProperties(dir: string, port: number, controllerPort: number): string {
  return `process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controllerPort}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${join(dir, 'data')}
# Topics are created explicitly, as in production: an auto-created topic would hide a missing step.
auto.create.topics.enable=false
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# Lets tests use short consumer sessions, so a killed consumer's partitions move on quickly.
group.min.session.timeout.ms=1000
log.cleaner.dedupe.buffer.size=16777216
num.network.threads=2
num.io.threads=4
`;
}

const log4jConfig = `<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="WARN">
  <Appenders>
    <Console name="out" target="SYSTEM_OUT"><PatternLayout pattern="%d{ISO8601} %p [%c{1}] %m%n"/></Console>
  </Appenders>
  <Loggers>
    <Logger name="kafka.server.KafkaRaftServer" level="INFO"/>
    <Root level="WARN"><AppenderRef ref="out"/></Root>
  </Loggers>
</Configuration>
`;

async function spawnBroker(dir: string, ownerPid: number, timeoutMs: number): Promise<number> {
  const logFile = join(dir, 'broker.log');
  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  const java = [
    'java',
    ...jvmOptions,
    `-Dlog4j2.configurationFile=${join(dir, 'log4j2.xml')}`,
    '-cp',
    `'${kafkaLibDir()}/*'`,
    'kafka.Kafka',
    join(dir, 'server.properties'),
  ].join(' ');
  // A watchdog shell: it outlives the vitest worker that spawned it (detached), and stops the broker
  // when the test run's main process is gone, so a crashed run leaves no broker behind.
  const script = `${java} & child=$!
echo $child > '${join(dir, 'broker.pid')}'
while kill -0 ${ownerPid} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done
kill -TERM $child 2>/dev/null
wait $child`;
  const pidFile = join(dir, 'broker.pid');
  rmSync(pidFile, { force: true });
  const log = openSync(logFile, 'a');
  const watchdog = spawn('bash', ['-c', script], { detached: true, stdio: ['ignore', log, log] });
  watchdog.unref();
  closeSync(log);
  await waitUntil(() => readPid(pidFile) !== undefined, 'the broker pid', 10_000, 10);
  const pid = readPid(pidFile)!;
  try {
    await waitUntil(
      () => {
        if (!isAlive(pid)) throw new Error(`the Kafka broker exited during start:\n${tail(logFile, logStart)}`);
        return tail(logFile, logStart).includes(readyLine);
      },
      `"${readyLine}" in ${logFile}`,
      timeoutMs,
      50,
    );
  } catch (error) {
    await terminate(pid, 5000);
    throw error;
  }
  return pid;
}

function tail(file: string, from: number): string {
  const text = readFileSync(file);
  return text.subarray(from).toString('utf8').slice(-4000);
}
