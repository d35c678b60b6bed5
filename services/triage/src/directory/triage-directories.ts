import type { EventStore, Subscription } from '@hotline/eventstore';
import { ContractDirectory } from '@hotline/platform';
import { AgentDirectory } from './agent-directory.ts';

/**
 * What triage decides on: the agents and their load, and the contracts that judge coverage. Both are
 * folded from the store by this process, and a decision first waits until they hold everything the
 * store held (an assignment made a moment ago weighs on the next dispatch).
 */
export class TriageDirectories {
  readonly agents: AgentDirectory;
  readonly contracts = new ContractDirectory();
  readonly #store: EventStore;
  #decisions: Promise<unknown> = Promise.resolve();

  constructor(store: EventStore) {
    this.#store = store;
    this.agents = new AgentDirectory(store);
  }

  /** The agent directory's subscription: its `done` rejects if a stored event cannot be read. */
  start(): Subscription {
    this.contracts.start(this.#store);
    return this.agents.start();
  }

  async caughtUp(): Promise<void> {
    await Promise.all([this.agents.caughtUp(), this.contracts.caughtUp()]);
  }

  /**
   * Runs `decision` once every decision this process began before it is made, with the directories
   * holding the global log up to `after` (the event that calls for the decision: whatever was
   * recorded before it, another replica's assignments and the agents' changes included), or up to
   * the store's head without it. Two tickets received together must not both go to the least
   * loaded agent: what a decision leaves to write afterwards weighs on the next ones through the
   * agents' reservations, so they need not wait for its commit.
   */
  decide<T>(decision: () => Promise<T>, after?: bigint): Promise<T> {
    const turn = this.#decisions.then(async () => {
      if (after === undefined) await this.caughtUp();
      else await Promise.all([this.agents.waitFor(after), this.contracts.waitFor(after)]);
      return decision();
    });
    // A failed decision is its caller's to report; the next one must not wait on it.
    this.#decisions = turn.catch(() => {});
    return turn;
  }

  async stop(): Promise<void> {
    await Promise.all([this.agents.stop(), this.contracts.stop()]);
  }
}
