import { seededRandom } from '@hotline/platform';
import { ReceptionOrder } from '../src/queries/reception-order.ts';

// `node bench/reception-order.ts [--tickets=N]`: tickets arriving out of reception order (as from six
// partitions) while the ticket list reads its first page every `READ_EVERY` arrivals; the kept sorted
// chunks against the former list (appended, sorted again at the next read after a late arrival), in
// the same run.
const TICKETS = Number(process.argv.find((each) => each.startsWith('--tickets='))?.slice(10) ?? 100_000);
const READ_EVERY = 20;

/** The former way, for the ratio: push, and sort at the next read once a late one came. */
class SortedAtRead {
  readonly #ids: string[] = [];
  readonly #at = new Map<string, number>();
  #sorted = true;
  add(ticketId: string, receivedAt: number): void {
    const last = this.#ids.at(-1);
    if (last !== undefined && this.#at.get(last)! > receivedAt) this.#sorted = false;
    this.#at.set(ticketId, receivedAt);
    this.#ids.push(ticketId);
  }
  *latestFirst(): Generator<string> {
    if (!this.#sorted) {
      const at = this.#at;
      this.#ids.sort((a, b) => at.get(a)! - at.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
      this.#sorted = true;
    }
    for (let index = this.#ids.length - 1; index >= 0; index--) yield this.#ids[index]!;
  }
}

const random = seededRandom(3).next;
// Six partitions, each in reception order, taken in turns at random by runs of up to 50 tickets.
const partitions = Array.from({ length: 6 }, () => [] as { id: string; at: number }[]);
for (let index = 0; index < TICKETS; index++)
  partitions[Math.floor(random() * 6)]!.push({ id: `T-${index}`, at: 1_700_000_000_000 + index * 1_000 });
const arrivals: { id: string; at: number }[] = [];
const next = partitions.map(() => 0);
while (arrivals.length < TICKETS) {
  const partition = Math.floor(random() * 6);
  const run = partitions[partition]!.slice(next[partition], next[partition]! + 1 + Math.floor(random() * 50));
  next[partition]! += run.length;
  arrivals.push(...run);
}

function run(order: { add(id: string, at: number): void; latestFirst(): Generator<string> }): number {
  const started = performance.now();
  for (const [index, { id, at }] of arrivals.entries()) {
    order.add(id, at);
    if (index % READ_EVERY === 0) {
      let page = 0;
      for (const _ of order.latestFirst()) if (++page === 50) break;
    }
  }
  return performance.now() - started;
}

const rounds = { chunks: [] as number[], former: [] as number[] };
for (let round = 0; round < 3; round++) {
  rounds.chunks.push(run(new ReceptionOrder()));
  if (TICKETS <= 200_000) rounds.former.push(run(new SortedAtRead()));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const chunks = median(rounds.chunks);
const former = median(rounds.former);
process.stdout.write(
  `${TICKETS.toLocaleString('en-US')} tickets from 6 partitions, first page read every ${READ_EVERY} arrivals: sorted chunks ${chunks.toFixed(0)} ms (${((chunks * 1000) / TICKETS).toFixed(2)} µs per arrival), sorted at read ${former.toFixed(0)} ms; ratio ${(former / chunks).toFixed(1)} ×\n`,
);
