// `pnpm bench`: sustained ingestion of valid tickets, through the HTTP API and through
// support.inbound.v1, in the embedded product (one process, SQLite, in-process bus) and in the
// distributed mode (a process per service, the local Kafka). Each side against a baseline measured
// in the same run (the raw HTTP round trip of GET /healthz at the same concurrency; raw kafkajs
// produce → consume at the same offer), so the figures read as ratios on a shared machine.
// Over HTTP, at the goal's rate (an open loop: requests sent whatever the answers) and by a closed
// loop of clients each waiting for its answer (the rate at that concurrency).
// `--quick` (20 s a part) for iterating; `--duration=<s>` (default 180); `--clients=<n>` (32);
// `--only=embedded-http,embedded-topic,distributed-topic`; `--profile` writes the embedded
// product's CPU profile and prints where its time goes; `--embedded-rate=<n>` offers another rate
// than the goal's to the embedded product (comparisons on a slower machine).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ticketIdFor } from '@hotline/intake';
import { inboundTopic, KafkaBus, silentLogger } from '@hotline/messaging';
import { kafkaForTests, redisForTests } from '@hotline/testkit';
import { closedLoop } from './closed-loop.ts';
import { consumerLag, describeLag } from './consumer-lag.ts';
import { readProfile, summarizeProfile } from './cpu-profile.ts';
import { type Collections, cpuPerTicket } from './cpu-time.ts';
import { launchDistributed } from './distributed-launcher.ts';
import { type EmbeddedProduct, launchEmbedded } from './embedded-launcher.ts';
import { latencies, ms, perSecond, type Row, ratio, table, total } from './figures.ts';
import { HttpClient } from './http-client.ts';
import { deadLetterTotals, HopTracker, hopRows, rawKafka } from './kafka-figures.ts';
import { type MemoryFigures, MemorySampler } from './memory-sampler.ts';
import { openLoop } from './open-loop.ts';
import { untilVisible, visibleTickets } from './projection-count.ts';
import { seedHotline, ticketSubmissions } from './ticket-workload.ts';
import { inboundSubmission, type TopicLoadFigures, topicLoad } from './topic-load.ts';
import { VisibilityProbe } from './visibility-probe.ts';

const argument = (name: string) =>
  process.argv.find((each) => each.startsWith(`--${name}=`))?.slice(name.length + 3) ??
  (process.argv.includes(`--${name}`) ? '' : undefined);
const QUICK = argument('quick') !== undefined;
const DURATION_MS = Number(argument('duration') || (QUICK ? 20 : 180)) * 1000;
const BASELINE_MS = Math.min(DURATION_MS, QUICK ? 8_000 : 30_000);
const WARM_UP_MS = Math.max(3_000, DURATION_MS / 10);
const CLIENTS = Number(argument('clients') || 32);
/** Connections of the offered HTTP load: enough that only a product falling behind exhausts them. */
const OPEN_LOOP_CONNECTIONS = 256;
const ONLY = new Set((argument('only') || 'embedded-http,embedded-topic,distributed-topic').split(','));
const PROFILE = argument('profile') !== undefined;
const goals = { embeddedRate: 2_000, embeddedP99: 50, distributedRate: 1_000, distributedP99: 1_000 };
/**
 * The rate the embedded parts offer: the goal's, unless `--embedded-rate` says another. On a machine
 * slower than the goals were set on, an offer scaled to it compares two versions of the product at
 * the same load; the verdicts still read the goals.
 */
const EMBEDDED_RATE = Number(argument('embedded-rate') || goals.embeddedRate);
const BURST = { embedded: QUICK ? 4_000 : 20_000, distributed: QUICK ? 2_000 : 10_000 };

const rows: Row[] = [];
const verdicts: string[] = [];
const log = (line: string) => void process.stderr.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
const holds = (ok: boolean) => (ok ? 'holds' : 'FAILS');
const busy = (share: number) => `${Math.round(share * 100)}%`;
const majors = ({ major, pauseMs }: Collections) => `${major} major collections (pauses ${ms(pauseMs)} in all)`;
const failures = (counts: Record<string, number>) =>
  Object.keys(counts).length === 0
    ? 'none failed'
    : Object.entries(counts)
        .map(([status, count]) => `${count} × ${status === '0' ? 'no answer' : status}`)
        .join(', ');
const memoryRows = (figures: MemoryFigures[], prefix: string) => {
  for (const figure of figures) {
    rows.push({ what: `${prefix} ${figure.process}: RSS`, figure: figure.rss, note: `${figure.samples} samples` });
    rows.push({
      what: `${prefix} ${figure.process}: heap used`,
      figure: figure.heap,
      note: `first → last (max, slope); ${figure.perTicket} a ticket taken in`,
    });
  }
};
const behindRows = (part: string, figures: TopicLoadFigures): Row[] => [
  {
    what: `${part}, consumers behind when the offer stopped`,
    figure: String(total(figures.behindAtStop)),
    note: `messages not handled yet, per group (from /metrics, up to 5 s old): ${describeLag(figures.behindAtStop)}`,
  },
  {
    what: `${part}, consumers behind once the burst showed`,
    figure: String(total(figures.behindAfterBurst)),
    note: `${describeLag(figures.behindAfterBurst)}; all caught up ${figures.caughtUpMs === undefined ? 'NOT within 5 min' : `${ms(figures.caughtUpMs)} later (gauges refreshed every 5 s)`}`,
  },
];
const topicVisibleRow = (part: string, topic: TopicLoadFigures, rate: number): Row => ({
  what: `${part} → in the projection`,
  figure: perSecond(topic.visibleRate),
  note: `offered ${perSecond(topic.offered)} of ${perSecond(rate)} (held back ${Math.round(topic.held * 100)}% of the time, backlog full), ${topic.backlog} behind at the end`,
});
const topicVerdict = (part: string, topic: TopicLoadFigures, rate: number, p99: number) =>
  `${part} ≥ ${rate} tickets/s with lag p99 < ${p99} ms: ${holds(topic.visibleRate >= rate * 0.98 && topic.lag.p99 < p99)} (${perSecond(topic.visibleRate)}, ${ms(topic.lag.p99)}; drains ${topic.drainRate === undefined ? '—' : perSecond(topic.drainRate)})`;
const deadLetterRow = (what: string, counts: Record<string, number>) => {
  const sum = total(counts);
  rows.push({
    what,
    figure: String(sum),
    note: Object.entries(counts)
      .map(([topic, count]) => `${topic} ${count}`)
      .join(', '),
  });
  return sum;
};

interface EmbeddedPart {
  readonly product: EmbeddedProduct;
  readonly clients: HttpClient;
  readonly reporting: HttpClient;
  readonly next: () => Record<string, unknown>;
}

/**
 * One part against an embedded product of its own, seeded, on a store of its own: the embedded read
 * models keep every ticket in memory (about 5.5 KB of heap each then, 3.5 KB since the eleventh run),
 * and the two parts together, some 900,000 tickets at these rates, took one product past V8's 4 GB heap. Each part's memory, dead
 * letters and profile are its own.
 */
async function embeddedPart(directory: string, part: string, run: (embedded: EmbeddedPart) => Promise<void>) {
  // Kept after the run, for a closer look (Chrome DevTools, speedscope).
  const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'hotline-load-profile-')) : undefined;
  const product = await launchEmbedded({
    sqliteFile: join(directory, `embedded-${part}.sqlite`),
    ...(profileDir === undefined ? {} : { profileDir }),
  });
  const clients = new HttpClient(product.url, Math.max(CLIENTS, OPEN_LOOP_CONNECTIONS));
  const reporting = new HttpClient(product.url, 8);
  try {
    await seedHotline(clients, clients);
    log(`embedded product for the ${part} part at ${product.url}, seeded; load average ${load()}`);
    const memory = new MemorySampler([{ name: 'hotline', client: new HttpClient(product.url, 1) }], () =>
      visibleTickets(reporting),
    );
    await run({ product, clients, reporting, next: ticketSubmissions() });
    memoryRows(await memory.stop(), `embedded ${part}`);
    const dead = deadLetterRow(`embedded ${part} dead letters`, await product.deadLetters());
    verdicts.push(`embedded ${part} dead letters zero: ${holds(dead === 0)}`);
  } finally {
    clients.close();
    reporting.close();
    await product.stop();
  }
  if (profileDir !== undefined) printProfile(profileDir, part);
}

async function embedded(directory: string): Promise<void> {
  if (ONLY.has('embedded-http')) await embeddedPart(directory, 'HTTP', embeddedHttp);
  if (ONLY.has('embedded-topic')) await embeddedPart(directory, 'topic', embeddedTopic);
}

async function embeddedHttp({ clients, reporting, next }: EmbeddedPart): Promise<void> {
  const baseline = await closedLoop({
    clients: CLIENTS,
    durationMs: BASELINE_MS,
    warmUpMs: Math.min(WARM_UP_MS, BASELINE_MS / 4),
    call: async () => (await clients.call('GET', '/healthz')).status,
  });
  rows.push({
    what: 'GET /healthz (baseline)',
    figure: perSecond(baseline.rate),
    note: `${CLIENTS} clients, round trip ${latencies(baseline.latency)}`,
  });
  log(`baseline done (${perSecond(baseline.rate)}); POST /tickets for ${DURATION_MS / 1000} s`);
  // Each ticket accepted in the counted window is probed until the projection shows it, and the
  // part ends once every accepted ticket is there: the CPU its whole path costs is counted.
  const postTickets = async <Figures>(loop: (call: (measured: boolean) => Promise<number>) => Promise<Figures>) => {
    const visibleBefore = await visibleTickets(reporting);
    const probe = new VisibilityProbe(reporting, { everyNth: 10, maxInFlight: 8 });
    let accepted = 0;
    let settled: number | undefined;
    const { result, msPerTicket, loopBusy, collections } = await cpuPerTicket([reporting], async () => {
      const figures = await loop(async (measured) => {
        const submission = next();
        const reply = await clients.call('POST', '/tickets', submission);
        if (reply.status === 201) {
          accepted += 1;
          if (measured) probe.offer(() => ticketIdFor('api', String(submission.externalId)), performance.now());
        }
        return reply.status;
      });
      settled = await untilVisible(reporting, visibleBefore + accepted, 300_000);
      return { result: figures, tickets: accepted };
    });
    const probed = await probe.figures();
    const visibleRow = (what: string): Row => ({
      what,
      figure: latencies(probed.latency),
      note: `${probed.latency.count} tickets probed, ${probed.requests} GETs, ${probed.timedOut} timed out; all ${accepted} visible ${settled === undefined ? 'NOT within 5 min' : `${ms(settled)} after the last`}`,
    });
    return { result, msPerTicket, loopBusy, collections, probed, visibleRow };
  };
  const closed = await postTickets((call) =>
    closedLoop({ clients: CLIENTS, durationMs: DURATION_MS, warmUpMs: WARM_UP_MS, call }),
  );
  rows.push({
    what: 'POST /tickets, closed loop: accepted',
    figure: perSecond(closed.result.rate),
    note: `${CLIENTS} clients each waiting for its answer, ${ratio(closed.result.rate, baseline.rate)}; ${failures(closed.result.failures)}`,
  });
  rows.push({
    what: 'POST /tickets, closed loop: product CPU a ticket',
    figure: ms(closed.msPerTicket),
    note: `${perSecond(1000 / closed.msPerTicket)} on one core of its own; probe GETs and warm-up included; event loop busy ${busy(closed.loopBusy)} of the part; ${majors(closed.collections)}`,
  });
  rows.push({
    what: 'POST /tickets, closed loop: round trip',
    figure: latencies(closed.result.latency),
    note: `max ${ms(closed.result.latency.max)}`,
  });
  rows.push(closed.visibleRow('closed loop: acknowledged → in the projection'));
  log(`POST /tickets offered at ${EMBEDDED_RATE}/s for ${DURATION_MS / 1000} s; load average ${load()}`);
  const open = await postTickets((call) =>
    openLoop({
      rate: EMBEDDED_RATE,
      durationMs: DURATION_MS,
      warmUpMs: WARM_UP_MS,
      maxInFlight: OPEN_LOOP_CONNECTIONS,
      call,
    }),
  );
  rows.push({
    what: `POST /tickets at ${perSecond(EMBEDDED_RATE)}: accepted`,
    figure: perSecond(open.result.rate),
    note: `sent ${perSecond(open.result.offered)}: the rest waited for one of ${OPEN_LOOP_CONNECTIONS} connections (all busy in ${Math.round(open.result.held * 100)}% of the batches); ${failures(open.result.failures)}`,
  });
  rows.push({
    what: `POST /tickets at ${perSecond(EMBEDDED_RATE)}: product CPU a ticket`,
    figure: ms(open.msPerTicket),
    note: `${perSecond(1000 / open.msPerTicket)} on one core of its own; probe GETs and warm-up included; event loop busy ${busy(open.loopBusy)} of the part; ${majors(open.collections)}`,
  });
  rows.push({
    what: `POST /tickets at ${perSecond(EMBEDDED_RATE)}: round trip`,
    figure: latencies(open.result.latency),
    note: `from when each was due; max ${ms(open.result.latency.max)}`,
  });
  rows.push(open.visibleRow(`at ${perSecond(EMBEDDED_RATE)}: acknowledged → in the projection`));
  verdicts.push(
    `embedded HTTP ≥ ${goals.embeddedRate} tickets/s: ${holds(open.result.rate >= goals.embeddedRate * 0.98)} (${perSecond(open.result.rate)} of ${perSecond(EMBEDDED_RATE)} offered; a closed loop of ${CLIENTS} clients ${perSecond(closed.result.rate)})`,
    `embedded HTTP p99 < ${goals.embeddedP99} ms to a visible projection: ${holds(open.probed.latency.p99 < goals.embeddedP99)} (${ms(open.probed.latency.p99)}; POST round trip p99 ${ms(open.result.latency.p99)})`,
  );
}

async function embeddedTopic({ product, reporting, next }: EmbeddedPart): Promise<void> {
  log(`support.inbound.v1 on the in-process bus at ${EMBEDDED_RATE}/s; load average ${load()}`);
  const before = await visibleTickets(reporting);
  await product.publish([inboundSubmission(next())]);
  await untilVisible(reporting, before + 1, 60_000);
  const {
    result: topic,
    msPerTicket,
    loopBusy,
    collections,
  } = await cpuPerTicket([reporting], async () => {
    const result = await topicLoad({
      publish: (messages) => product.publish(messages),
      reporting,
      next,
      rate: EMBEDDED_RATE,
      durationMs: DURATION_MS,
      warmUpMs: WARM_UP_MS,
      burst: BURST.embedded,
      consumerLag: () => consumerLag([reporting]),
    });
    return { result, tickets: result.published };
  });
  rows.push(topicVisibleRow('in-process topic', topic, EMBEDDED_RATE));
  rows.push({
    what: 'in-process topic, projection lag',
    figure: latencies(topic.lag),
    note: `${topic.lag.count} probed, ${topic.probeRequests} GETs, max ${ms(topic.lag.max)}`,
  });
  rows.push({
    what: 'in-process topic, burst drained',
    figure: topic.drainRate === undefined ? 'not within 5 min' : perSecond(topic.drainRate),
    note: `${BURST.embedded} tickets published at once`,
  });
  rows.push(...behindRows('in-process topic', topic));
  rows.push({
    what: 'in-process topic, product CPU a ticket',
    figure: ms(msPerTicket),
    note: `${perSecond(1000 / msPerTicket)} on one core of its own; IPC and probe GETs included; event loop busy ${busy(loopBusy)} of the part; ${majors(collections)}`,
  });
  verdicts.push(topicVerdict('embedded topic', topic, goals.embeddedRate, goals.embeddedP99));
}

function printProfile(profileDir: string, part: string): void {
  const profile = readProfile(profileDir);
  if (profile === undefined) {
    log('no CPU profile was written');
    return;
  }
  const summary = summarizeProfile(profile);
  const share = (value: number) => `${(value * 100).toFixed(1)}%`;
  console.log(
    `\nEmbedded product CPU profile, ${part} part (${summary.seconds.toFixed(0)} s, self time), kept in ${profileDir}:\n`,
  );
  console.log(table(summary.places.map(([place, value]) => ({ what: place, figure: share(value), note: '' }))));
  console.log('');
  console.log(table(summary.functions.map(([name, value]) => ({ what: name, figure: share(value), note: '' }))));
}

async function distributed(directory: string): Promise<void> {
  const [kafka, redis] = await Promise.all([kafkaForTests(), redisForTests()]);
  if (!kafka.available || !redis.available) {
    rows.push({
      what: 'distributed mode',
      figure: 'skipped',
      note: [kafka, redis].flatMap((each) => (each.available ? [] : [each.reason])).join('; '),
    });
    return;
  }
  const { brokers, source, startMs } = kafka.value.endpoint;
  rows.push({ what: 'Kafka broker', figure: brokers.join(','), note: `${source}, ready in ${startMs} ms` });
  const bus = new KafkaBus({ brokers, clientId: 'bench', logger: silentLogger });
  log(`Kafka at ${brokers.join(',')}; starting the services; load average ${load()}`);
  const product = await launchDistributed({
    brokers,
    redisUrl: redis.value.endpoint.url,
    sqliteFile: join(directory, 'distributed.sqlite'),
  });
  const intake = new HttpClient(product.urls.intake, 4);
  const reporting = new HttpClient(product.urls.reporting, 8);
  const next = ticketSubmissions(7);
  try {
    await seedHotline(intake, new HttpClient(product.urls.triage, 1));
    const baseline = await rawKafka(bus, {
      rate: goals.distributedRate,
      durationMs: BASELINE_MS,
      warmUpMs: Math.min(WARM_UP_MS, BASELINE_MS / 4),
      burst: BURST.distributed,
      next,
    });
    rows.push({
      what: 'raw kafkajs produce → consume (baseline)',
      figure: latencies(baseline.lag),
      note: `at ${perSecond(goals.distributedRate)}; burst of ${BURST.distributed} drained at ${perSecond(baseline.drainRate)}`,
    });
    const deadBefore = await deadLetterTotals(bus);
    const memory = new MemorySampler(
      Object.entries({ ...product.urls, relay: product.relay }).map(([name, url]) => ({
        name,
        client: new HttpClient(url, 1),
      })),
      () => visibleTickets(reporting),
    );
    log(`support.inbound.v1 on Kafka at ${goals.distributedRate}/s; load average ${load()}`);
    const publish = (messages: Parameters<KafkaBus['publish']>[1]) => bus.publish(inboundTopic, messages as never);
    const before = await visibleTickets(reporting);
    await publish([inboundSubmission(next())]);
    await untilVisible(reporting, before + 1, 120_000);
    const services = [...Object.values(product.urls), product.relay].map((url) => new HttpClient(url, 1));
    const hops = await HopTracker.start(bus);
    const {
      result: topic,
      msPerTicket,
      loopBusy,
      collections,
    } = await cpuPerTicket(services, async () => {
      const result = await topicLoad({
        publish,
        reporting,
        next,
        rate: goals.distributedRate,
        durationMs: DURATION_MS,
        warmUpMs: WARM_UP_MS,
        burst: BURST.distributed,
        onPublished: (ticketIds, at) => hops.published(ticketIds, at),
        consumerLag: () => consumerLag(services),
      });
      return { result, tickets: result.published };
    });
    rows.push(topicVisibleRow('Kafka topic', topic, goals.distributedRate));
    rows.push({
      what: 'Kafka topic, projection lag',
      figure: latencies(topic.lag),
      note: `${topic.lag.count} probed, ${topic.probeRequests} GETs, max ${ms(topic.lag.max)}; baseline p99 ${ms(baseline.lag.p99)}`,
    });
    rows.push(...hopRows(await hops.stop(), topic.lag));
    rows.push({
      what: 'Kafka topic, burst drained',
      figure: topic.drainRate === undefined ? 'not within 5 min' : perSecond(topic.drainRate),
      note: `${BURST.distributed} tickets published at once; ${topic.drainRate === undefined ? '' : ratio(topic.drainRate, baseline.drainRate)}`,
    });
    rows.push(...behindRows('Kafka topic', topic));
    rows.push({
      what: 'Kafka topic, services CPU a ticket',
      figure: ms(msPerTicket),
      note: `the five services and the relay together (not Kafka); the busiest event loop busy ${busy(loopBusy)} of the part; across them, ${majors(collections)}`,
    });
    verdicts.push(topicVerdict('distributed topic', topic, goals.distributedRate, goals.distributedP99));
    memoryRows(await memory.stop(), 'distributed');
    const deadAfter = await deadLetterTotals(bus);
    const dead = deadLetterRow(
      'distributed dead letters',
      Object.fromEntries(Object.entries(deadAfter).map(([name, count]) => [name, count - (deadBefore[name] ?? 0)])),
    );
    verdicts.push(`distributed dead letters zero: ${holds(dead === 0)}`);
  } finally {
    intake.close();
    reporting.close();
    await product.stop();
    await bus.close();
    await kafka.value.stop();
    await redis.value.stop();
  }
}

const directory = mkdtempSync(join(tmpdir(), 'hotline-load-bench-'));
const loadAtStart = load();
try {
  if (ONLY.has('embedded-http') || ONLY.has('embedded-topic')) await embedded(directory);
  if (ONLY.has('distributed-topic')) await distributed(directory);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
console.log(
  `\nLoad bench: ${DURATION_MS / 1000} s a part (first ${WARM_UP_MS / 1000} s not counted), ${CLIENTS} HTTP clients; load average ${loadAtStart} at start, ${load()} at the end\n`,
);
console.log(table(rows));
console.log(`\nGoals:\n${verdicts.map((verdict) => `- ${verdict}`).join('\n')}`);
