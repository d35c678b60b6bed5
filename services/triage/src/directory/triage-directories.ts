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
    await Promise.all([this.agents.caughtUp(), this.contracts.caughtUp(this.#store)]);
  }

  async stop(): Promise<void> {
    await Promise.all([this.agents.stop(), this.contracts.stop()]);
  }
}
