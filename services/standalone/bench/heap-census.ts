import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CensusRow, heapCensus, perUnit } from '@hotline/testkit';
import { consumerLag } from './consumer-lag.ts';
import { launchEmbedded } from './embedded-launcher.ts';
import { HttpClient } from './http-client.ts';
import { untilVisible, visibleTickets } from './projection-count.ts';
import { seedHotline, ticketSubmissions } from './ticket-workload.ts';
import { inboundSubmission } from './topic-load.ts';

// What the embedded product keeps on its heap for each open ticket, counted rather than timed: the
// same on any machine, where the load bench's rates depend on the one it runs on. Every object is
// work for each major collection, and those hold the event loop under load (bench README, twelfth
// run). Two snapshots, after `--tickets` and after twice as many, every consumer caught up: their
// difference over the second batch is what one more ticket costs, the fixed part cancelled.
//
//   node bench/heap-census.ts [--tickets=20000] [--rows=25]

const option = (name: string, fallback: number) =>
  Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const TICKETS = option('tickets', 20_000);
const ROWS = option('rows', 25);

const directory = mkdtempSync(join(tmpdir(), 'hotline-heap-census-'));
const product = await launchEmbedded({ sqliteFile: join(directory, 'census.sqlite') });
const client = new HttpClient(product.url, 8);

/** Publishes `count` tickets on support.inbound.v1 and waits until every consumer group has handled them. */
async function ingest(next: () => Record<string, unknown>, count: number): Promise<void> {
  const before = await visibleTickets(client);
  for (let sent = 0; sent < count; sent += 500) {
    await product.publish(Array.from({ length: Math.min(500, count - sent) }, () => inboundSubmission(next())));
  }
  if ((await untilVisible(client, before + count, 600_000)) === undefined) throw new Error('tickets not visible');
  // The lag gauges refresh every 5 s: caught up means zero on two readings far enough apart.
  for (let zeros = 0; zeros < 2; ) {
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const behind = Object.values(await consumerLag([client])).reduce((sum, lag) => sum + lag, 0);
    zeros = behind === 0 ? zeros + 1 : 0;
  }
}

const table = (title: string, rows: CensusRow[]) => {
  console.log(`\n| ${title} | objects a ticket | bytes a ticket |\n|---|---:|---:|`);
  for (const row of rows.slice(0, ROWS))
    console.log(`| ${row.key} | ${row.count.toFixed(2)} | ${row.bytes.toFixed(0)} |`);
};

try {
  await seedHotline(client, client);
  const next = ticketSubmissions();
  await ingest(next, TICKETS);
  await product.heapSnapshot(join(directory, 'first.heapsnapshot'));
  await ingest(next, TICKETS);
  await product.heapSnapshot(join(directory, 'second.heapsnapshot'));
  const first = heapCensus(join(directory, 'first.heapsnapshot'));
  const second = heapCensus(join(directory, 'second.heapsnapshot'));
  console.log(
    `Heap census of the embedded product: ${TICKETS.toLocaleString('en-US')} then ${(2 * TICKETS).toLocaleString('en-US')} tickets taken in from support.inbound.v1, none closed.`,
  );
  console.log(
    `${((second.objects - first.objects) / TICKETS).toFixed(1)} objects and ${((second.bytes - first.bytes) / TICKETS).toFixed(0)} bytes a ticket (${second.objects.toLocaleString('en-US')} objects in all at the second snapshot).`,
  );
  table('kind', perUnit(first.kinds, second.kinds, TICKETS));
  table('owner', perUnit(first.owners, second.owners, TICKETS));
  table('owner: kind', perUnit(first.ownedKinds, second.ownedKinds, TICKETS));
} finally {
  client.close();
  await product.stop();
  rmSync(directory, { recursive: true, force: true });
}
