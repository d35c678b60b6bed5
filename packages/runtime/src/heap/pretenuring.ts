import { setFlagsFromString } from 'node:v8';

/**
 * Whether V8 may allocate an allocation site's objects straight into the old generation once most
 * of them survived a scavenge (`--allocation-site-pretenuring`, on by default). Set at start by each
 * process: V8 reads the flag at each collection when it weighs the sites, and the optimizing
 * compiler when it compiles an allocation, so setting it before the load comes is enough.
 *
 * Why off by default: the sites that V8 tenured here are those whose objects live a few hundred
 * milliseconds, then die: the rows of the store's log kept for the subscriptions, the messages and
 * decoded events in flight, a ticket's state until its next event. Tenured, each of them died in
 * the old generation, whose garbage (30 MB/s at 2,000 tickets/s, five times the live growth) set
 * off a full collection every few seconds; each marks the whole heap, and V8, which wants the
 * marking done within about half a second, made the event loop do most of it (200–300 ms of
 * marking steps at 500 MB). Every object now starts young and most die there. Under the load bench,
 * 180 s at 2,000 tickets/s from the inbound topic: lag to reporting's projection p99 26 ms against
 * 70–131 ms (services/standalone/bench, fourteenth run).
 */
export function applyPretenuring(enabled: boolean): void {
  setFlagsFromString(enabled ? '--allocation-site-pretenuring' : '--no-allocation-site-pretenuring');
}
