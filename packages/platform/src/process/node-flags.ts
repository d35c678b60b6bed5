/**
 * The Node.js options every process of the product starts with: `npm start`, the image's command,
 * each command of docker-compose.yml and the launchers of the load bench and of the end-to-end
 * tests (infra/deploy-checks checks the first three against this list). They cannot be set from
 * within the process: V8 sizes its pool of helper threads before any code runs.
 *
 * `--v8-pool-size=0`: as many helper threads as the machine's parallelism minus the main thread
 * (libuv's estimate, which follows the CPU affinity and a container's CPU quota), where Node.js
 * starts four whatever the machine. Those threads mark the heap while the program runs; on two
 * cores, four of them took turns with the event loop during every full collection. Under the load
 * bench (180 s at 2,000 tickets/s from the inbound topic), a ticket's lag to reporting's projection
 * was p99 26 ms twice with one thread, 43 ms with four (docs/operations.md, "CPU").
 */
export const processNodeFlags: readonly string[] = ['--v8-pool-size=0'];
