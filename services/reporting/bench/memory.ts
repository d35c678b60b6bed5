import { getHeapStatistics, writeHeapSnapshot } from 'node:v8';
import { settleHeap } from '../src/projections/heap-settling.ts';
import { MemoryRecordStore } from '../src/projections/record-store.ts';
import { ReportingView } from '../src/queries/reporting-view.ts';
import { rebuildRecords } from '../src/rebuild/rebuild.ts';
import { benchStore, YEAR_UNTIL } from './bench-store.ts';

const TICKETS = Number(process.argv.find((each) => each.startsWith('--tickets='))?.slice(10) ?? 20_000);
const SNAPSHOT = process.argv.find((each) => each.startsWith('--snapshot='))?.slice(11);
const used = () => {
  settleHeap();
  return getHeapStatistics().used_heap_size;
};
const store = await benchStore(TICKETS, () => {});
const base = used();
let rebuilt: Awaited<ReturnType<typeof rebuildRecords>> | undefined = await rebuildRecords(store, { pageSize: 5_000 });
const records = new MemoryRecordStore();
records.replaceAll(rebuilt.records);
rebuilt = undefined;
const afterRecords = used();
const view = new ReportingView();
(await records.follow(view)).stop();
const afterView = used();
view.tallies(YEAR_UNTIL);
const afterTallies = used();
const per = (bytes: number) => `${Math.round(bytes / view.tickets.size).toLocaleString('en-US')} B/ticket`;
process.stdout.write(
  `${view.tickets.size} tickets: records ${per(afterRecords - base)}, view ${per(afterView - afterRecords)}, tallies+judgements ${per(afterTallies - afterView)}, total ${per(afterTallies - base)}\n`,
);
if (SNAPSHOT !== undefined) writeHeapSnapshot(SNAPSHOT);
await store.close();
