import { checkpointedStateContract } from '../../test/checkpointed-state-contract.ts';
import { MemoryCheckpointedState } from './checkpointed-state.ts';

checkpointedStateContract('memory', async () => new MemoryCheckpointedState<string[]>());
