import { timerStoreContract } from '../../test/timer-store-contract.ts';
import { MemoryTimerStore } from './memory-timer-store.ts';

timerStoreContract('memory', async () => {
  const store = new MemoryTimerStore();
  return { store, replica: () => store, close: () => store.close() };
});
